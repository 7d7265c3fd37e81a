using System.Collections.Concurrent;
using System.Diagnostics;

namespace AspireMsa.IntegrationTests;

/// <summary>
/// Places a bounded number of orders through the gateway from a few concurrent callers, over a few products, so that
/// some orders get their stock and some are rejected. Only orders answered 202 count as accepted.
/// </summary>
public sealed class OrderSagaLoad(OrderSagaDriver saga, IReadOnlyList<Guid> products)
{
    private readonly ConcurrentBag<Guid> _accepted = [];
    private int _issued = -1;
    private int _refused;
    private bool _stopped;

    public IReadOnlyCollection<Guid> Accepted => _accepted;

    /// <summary>Requests that did not answer 202 (the fault made them fail); their orders may or may not exist.</summary>
    public int Refused => _refused;

    /// <summary>Time spent placing orders, over all runs.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>Places <paramref name="orders"/> more orders; runs can follow one another (before, during and after a fault).</summary>
    public async Task RunAsync(int orders, int callers)
    {
        var watch = Stopwatch.StartNew();
        var end = Volatile.Read(ref _issued) + 1 + orders;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => CallerAsync(end)));
        Elapsed += watch.Elapsed;
    }

    /// <summary>
    /// Callers place no further orders; those in flight get their answers. For a fault after which every further order
    /// would only wait out the gateway's timeout to be refused.
    /// </summary>
    public void StopPlacing() => Volatile.Write(ref _stopped, true);

    public Task WaitUntilAcceptedAsync(int count) =>
        OrderSagaDriver.EventuallyAsync(() => Task.FromResult(_accepted.Count >= count), $"{count} orders were accepted");

    private async Task CallerAsync(int end)
    {
        for (var i = Interlocked.Increment(ref _issued); i < end && !Volatile.Read(ref _stopped); i = Interlocked.Increment(ref _issued))
        {
            try
            {
                using var response = await saga.PostOrderAsync(Lines(i));
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    _accepted.Add((await response.Content.ReadFromJsonAsync<OrderSagaDriver.OrderAcceptedDto>())!.Id);
                    continue;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Interlocked.Increment(ref _refused);
        }
    }

    /// <summary>One to three units of one product, and every third order a unit of the next product too.</summary>
    private (Guid, int)[] Lines(int i)
    {
        var first = (products[i % products.Count], 1 + (i % 3));
        return i % 3 == 0 ? [first, (products[(i + 1) % products.Count], 1)] : [first];
    }
}
