using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AspireMsa.ServiceDefaults.Data;

public static class DbCommandLoggingExtensions
{
    /// <summary>
    /// EF Core logs every failed command at Error before its exception reaches the code that ran it. A unique violation
    /// the endpoint answers with 409 (a create retried by its caller) is no error, and one nobody handles is logged at
    /// Error where it is finally caught: the exception handler or the background service. So the command's own line is a
    /// Warning, with the SQL and the exception still in it.
    /// </summary>
    public static DbContextOptionsBuilder LogFailedCommandsAsWarnings(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log((RelationalEventId.CommandError, LogLevel.Warning)));
}
