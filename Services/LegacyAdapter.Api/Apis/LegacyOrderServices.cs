using AspireMsa.LegacyAdapter.Api.Extensions;
using AspireMsa.LegacyAdapter.Api.Infrastructure;
using AspireMsa.LegacyAdapter.Api.NewApi;
using Microsoft.Extensions.Options;

namespace AspireMsa.LegacyAdapter.Api.Apis;

/// <summary>What placing a legacy order needs, bundled so its handler signature stays short.</summary>
public sealed record LegacyOrderServices(
    LegacyDbContext Db,
    CatalogClient Catalog,
    OrderingClient Ordering,
    IOptions<LegacyAdapterOptions> Options,
    TimeProvider Clock);
