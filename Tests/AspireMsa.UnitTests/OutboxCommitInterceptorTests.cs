using AspireMsa.EventBus;
using AspireMsa.EventBus.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.UnitTests;

/// <summary>
/// The relay is woken by a commit that saved outbox rows, and only by one: a commit of other rows, or a rolled-back
/// transaction that held outbox rows, leaves it asleep until its poll. A real relational provider (SQLite in memory) runs
/// EF's transactions and interceptors as PostgreSQL's does.
/// </summary>
public sealed class OutboxCommitInterceptorTests : IDisposable
{
    private static readonly TimeSpan Asleep = TimeSpan.FromMilliseconds(50);

    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly OutboxSignal _signal = new();
    private readonly TestContext _db;

    public OutboxCommitInterceptorTests()
    {
        _connection.Open();
        _db = new TestContext(new DbContextOptionsBuilder<TestContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new OutboxCommitInterceptor(_signal))
            .Options);
        _db.Database.EnsureCreated();
    }

    /// <summary>EF saves a single row without a transaction of its own: the save is its commit.</summary>
    [Fact]
    public async Task ASaveOfAnOutboxRowWithoutATransaction_WakesTheRelay()
    {
        _db.Add(Row());
        await _db.SaveChangesAsync();

        Assert.True(_signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ACommitOfOtherRowsOnly_LetsTheRelaySleep()
    {
        await SaveInTransactionAsync(new Note { Id = Guid.NewGuid(), Text = "no event" }, new Note { Id = Guid.NewGuid(), Text = "nor this" });

        Assert.False(_signal.WaitAsync(Asleep, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AnOutboxRowInATransactionThatRollsBack_LetsTheRelaySleep_AndTheNextCommitWithoutOneToo()
    {
        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            _db.Add(Row());
            await _db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        _db.ChangeTracker.Clear();
        await SaveInTransactionAsync(new Note { Id = Guid.NewGuid(), Text = "no event" });

        Assert.False(_signal.WaitAsync(Asleep, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task AnExplicitTransaction_WakesTheRelayAtItsCommit_NotAtItsSave()
    {
        await using var transaction = await _db.Database.BeginTransactionAsync();
        _db.Add(Row());
        await _db.SaveChangesAsync();
        var beforeCommit = _signal.WaitAsync(Asleep, CancellationToken.None);
        Assert.False(beforeCommit.IsCompleted);
        await beforeCommit;

        await transaction.CommitAsync();

        Assert.True(_signal.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).IsCompletedSuccessfully);
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }

    /// <summary>As the services save: ExecuteInTransactionAsync, an explicit transaction around the save.</summary>
    private async Task SaveInTransactionAsync(params object[] entities)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync();
        _db.AddRange(entities);
        await _db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static OutboxMessage Row() =>
        new(Guid.NewGuid(), "ProductCreated", "{}", Guid.NewGuid(), 1, traceParent: null, DateTimeOffset.UtcNow);

    private sealed class Note
    {
        public Guid Id { get; init; }

        public required string Text { get; init; }
    }

    private sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Note>();
            modelBuilder.AddEventBusTables();
        }
    }
}
