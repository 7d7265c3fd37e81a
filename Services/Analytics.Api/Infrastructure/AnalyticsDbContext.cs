using AspireMsa.Analytics.Api.Grants;
using AspireMsa.Analytics.Api.Jobs;
using AspireMsa.Analytics.Api.Landing;
using AspireMsa.Analytics.Api.Query;
using AspireMsa.EventBus;
using Microsoft.EntityFrameworkCore;

namespace AspireMsa.Analytics.Api.Infrastructure;

/// <summary>
/// The analytics database: landed events, the run history, the grants and the query audit, and the event bus's inbox and
/// outbox. Hangfire keeps its own tables in a schema of their own (<see cref="HangfireSchema"/>), created by Hangfire, not
/// by these migrations. Columns are snake_case: the landing handler writes in raw SQL, and analysts read these tables by hand.
/// </summary>
public sealed class AnalyticsDbContext(DbContextOptions<AnalyticsDbContext> options) : DbContext(options)
{
    public const string HangfireSchema = "hangfire";

    public DbSet<LandedEvent> LandedEvents => Set<LandedEvent>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public DbSet<DatasetGrant> DatasetGrants => Set<DatasetGrant>();

    public DbSet<QueryAudit> QueryAudits => Set<QueryAudit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var landed = modelBuilder.Entity<LandedEvent>();
        landed.ToTable("landed_events");
        landed.HasKey(e => e.Id);
        landed.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        landed.Property(e => e.EventId).HasColumnName("event_id");
        landed.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(LandedEvent.EventTypeMaxLength);
        landed.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        landed.Property(e => e.Payload).HasColumnName("payload").HasColumnType("jsonb");
        landed.Property(e => e.LandedAt).HasColumnName("landed_at");
        // One row per event, however often it arrives.
        landed.HasIndex(e => e.EventId).IsUnique().HasDatabaseName("ux_landed_events_event_id");
        // A day's extract reads one type's events of one day.
        landed.HasIndex(e => new { e.EventType, e.OccurredAt }).HasDatabaseName("ix_landed_events_type_occurred_at");

        var run = modelBuilder.Entity<JobRun>();
        run.ToTable("job_runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        run.Property(r => r.JobName).HasColumnName("job_name").HasMaxLength(JobRun.JobNameMaxLength);
        run.Property(r => r.Day).HasColumnName("day");
        // Stored by name, so the history reads the same in SQL as in the API.
        run.Property(r => r.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Attempts).HasColumnName("attempts");
        run.Property(r => r.CreatedAt).HasColumnName("created_at");
        run.Property(r => r.StartedAt).HasColumnName("started_at");
        run.Property(r => r.FinishedAt).HasColumnName("finished_at");
        run.Property(r => r.Error).HasColumnName("error").HasMaxLength(JobRun.ErrorMaxLength);
        run.HasIndex(r => new { r.JobName, r.CreatedAt }).HasDatabaseName("ix_job_runs_job_name_created_at");
        run.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        run.Navigation(r => r.Steps).HasField("_steps").AutoInclude();

        var step = modelBuilder.Entity<JobRunStep>();
        step.ToTable("job_run_steps");
        step.HasKey(s => s.Id);
        step.Property(s => s.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        step.Property(s => s.RunId).HasColumnName("run_id");
        step.Property(s => s.Name).HasColumnName("name").HasMaxLength(JobRunStep.NameMaxLength);
        step.Property(s => s.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        step.Property(s => s.Attempts).HasColumnName("attempts");
        step.Property(s => s.Rows).HasColumnName("rows");
        step.Property(s => s.Duration).HasColumnName("duration");

        var grant = modelBuilder.Entity<DatasetGrant>();
        grant.ToTable("dataset_grants");
        grant.HasKey(g => g.Id);
        grant.Property(g => g.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        grant.Property(g => g.Role).HasColumnName("role").HasMaxLength(DatasetGrant.NameMaxLength);
        grant.Property(g => g.Dataset).HasColumnName("dataset").HasMaxLength(DatasetGrant.NameMaxLength);
        grant.Property(g => g.RowFilterColumn).HasColumnName("row_filter_column").HasMaxLength(DatasetGrant.NameMaxLength);
        grant.Property(g => g.RowFilterClaim).HasColumnName("row_filter_claim").HasMaxLength(DatasetGrant.NameMaxLength);
        grant.Property(g => g.Columns).HasColumnName("columns");
        grant.Property(g => g.AggregateOnly).HasColumnName("aggregate_only");
        grant.HasIndex(g => new { g.Role, g.Dataset }).IsUnique().HasDatabaseName("ux_dataset_grants_role_dataset");
        grant.HasData(DefaultGrants.All);

        var audit = modelBuilder.Entity<QueryAudit>();
        audit.ToTable("query_audits");
        audit.HasKey(a => a.Id);
        audit.Property(a => a.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        audit.Property(a => a.AskedAt).HasColumnName("asked_at");
        audit.Property(a => a.Subject).HasColumnName("subject").HasMaxLength(QueryAudit.NameMaxLength);
        audit.Property(a => a.UserName).HasColumnName("user_name").HasMaxLength(QueryAudit.NameMaxLength);
        audit.Property(a => a.Role).HasColumnName("role").HasMaxLength(DatasetGrant.NameMaxLength);
        audit.Property(a => a.ClaimValue).HasColumnName("claim_value").HasMaxLength(QueryAudit.NameMaxLength);
        audit.Property(a => a.Sql).HasColumnName("sql");
        audit.Property(a => a.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(20);
        audit.Property(a => a.Rows).HasColumnName("rows");
        audit.Property(a => a.Duration).HasColumnName("duration");
        audit.Property(a => a.Reason).HasColumnName("reason").HasMaxLength(QueryAudit.ReasonMaxLength);
        audit.HasIndex(a => new { a.Subject, a.AskedAt }).HasDatabaseName("ix_query_audits_subject_asked_at");

        modelBuilder.AddEventBusTables();
    }
}
