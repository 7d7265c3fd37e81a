using System.Text;

namespace AspireMsa.AppHost.BackingServices.LocalProcesses;

/// <summary>
/// Writes a file that holds a secret with its permissions set when it is created, never widened after writing: there is
/// no moment when another user could open it. Written beside and renamed into place, so a reader sees all or nothing.
/// </summary>
public static class SecretFile
{
    /// <summary>Only the owner reads and writes it.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAsync(string path, string content, UnixFileMode mode, CancellationToken ct)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(content), ct).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
