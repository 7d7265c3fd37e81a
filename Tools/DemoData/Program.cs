using AspireMsa.DemoData;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddDemoDataLoader();

using var host = builder.Build();

// The host runs only for its telemetry, which starts with it and is flushed when it stops; the load is the one job.
await host.StartAsync();
var loaded = await host.Services.GetRequiredService<DemoStoreLoader>().TryLoadAsync(host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
await host.StopAsync();

return loaded ? 0 : 1;
