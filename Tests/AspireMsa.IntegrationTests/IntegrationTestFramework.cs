using System.Globalization;
using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("AspireMsa.IntegrationTests.IntegrationTestFramework", "AspireMsa.IntegrationTests")]

namespace AspireMsa.IntegrationTests;

/// <summary>
/// xUnit's own framework, with a bound on how many collections, each with a whole system of its own, run at once, and
/// a report of each collection's wall-clock time. xUnit's own limit counts running tests, not collections, so every
/// collection's fixture would start its system at the same moment; on a 2-core machine that many systems starting
/// together time each other out. Most of a fault collection's time is waiting on timeouts, so a few side by side pay.
/// </summary>
public sealed class IntegrationTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <summary>
    /// Systems running at once; <c>ASPIREMSA_TEST_SYSTEMS</c> overrides it. One on two cores, for now. Before the
    /// storefront, three ran in 624 s (two: 691 to 790 s). Since its two replicas and a browser joined the shared system,
    /// three left the machine at a load average of 40 to 48, where a Redis-outage test missed its 15 s budget in two runs
    /// of two (904 to 975 s), and two at 21 still timed out the messaging fault tests; their budgets assume a machine they
    /// do not share with a browser.
    /// </summary>
    public const int DefaultConcurrentSystems = 1;

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private static int ConcurrentSystems() =>
        int.TryParse(Environment.GetEnvironmentVariable("ASPIREMSA_TEST_SYSTEMS"), NumberStyles.None, CultureInfo.InvariantCulture, out var systems) && systems > 0
            ? systems
            : DefaultConcurrentSystems;

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new BoundedAssemblyRunner(
                TestAssembly, testCases, DiagnosticMessageSink, new CollectionTimingSink(executionMessageSink, DiagnosticMessageSink), executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class BoundedAssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        private readonly SemaphoreSlim _systems = new(ConcurrentSystems());

        protected override async Task<RunSummary> RunTestCollectionAsync(
            IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            // Collections queue in the orderer's order (SemaphoreSlim serves its asynchronous waiters first come, first served).
            await _systems.WaitAsync(cancellationTokenSource.Token);
            try
            {
                return await base.RunTestCollectionAsync(messageBus, testCollection, testCases, cancellationTokenSource);
            }
            finally
            {
                _systems.Release();
            }
        }

        public override void Dispose()
        {
            _systems.Dispose();
            base.Dispose();
        }
    }
}
