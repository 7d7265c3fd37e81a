using AspireMsa.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AspireMsa.UnitTests;

public class DbCommandLoggingTests
{
    [Fact]
    public void AFailedCommand_IsLoggedAsAWarning_ForItsCallerToHandleOrLogAsAnError()
    {
        var options = new DbContextOptionsBuilder().LogFailedCommandsAsWarnings().Options;

        var warnings = options.FindExtension<CoreOptionsExtension>()!.WarningsConfiguration;
        Assert.Equal(LogLevel.Warning, warnings.GetLevel(RelationalEventId.CommandError));
        // Nothing else changes level: a cancelled command stays at EF Core's own level.
        Assert.Null(warnings.GetLevel(RelationalEventId.CommandCanceled));
    }
}
