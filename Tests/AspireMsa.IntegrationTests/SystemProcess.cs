namespace AspireMsa.IntegrationTests;

/// <summary>One process as <c>/proc</c> shows it.</summary>
public sealed record SystemProcess(int Pid, int ParentPid, string Name, string CommandLine, int Uid, string WorkingDirectory, bool NamesRunDirectory)
{
    public override string ToString() => $"{Name}({Pid})";
}
