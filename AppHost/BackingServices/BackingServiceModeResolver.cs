namespace AspireMsa.AppHost.BackingServices;

/// <summary>Decides how the backing services run; pure so the rules are unit tested.</summary>
public static class BackingServiceModeResolver
{
    /// <param name="configured">The <c>BackingServices:Mode</c> setting.</param>
    /// <param name="isPublishMode">Publishing (azd, manifest) always describes containers: the cloud runs images, not our host's packages.</param>
    /// <param name="containerRuntimeAvailable">Asked only in <see cref="BackingServiceMode.Auto"/> run mode, because probing costs a process start.</param>
    public static BackingServiceMode Resolve(BackingServiceMode configured, bool isPublishMode, Func<bool> containerRuntimeAvailable)
    {
        ArgumentNullException.ThrowIfNull(containerRuntimeAvailable);

        if (isPublishMode)
        {
            return BackingServiceMode.Containers;
        }

        if (configured != BackingServiceMode.Auto)
        {
            return configured;
        }

        return containerRuntimeAvailable() ? BackingServiceMode.Containers : BackingServiceMode.LocalProcesses;
    }
}
