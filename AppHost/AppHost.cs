using AspireMsa.AppHost.BackingServices;

var builder = DistributedApplication.CreateBuilder(args);

var backing = BackingServiceFactory.Create(builder);
var postgres = backing.AddPostgres("postgres");
var identityDb = postgres.AddDatabase("identitydb");
var catalogDb = postgres.AddDatabase("catalogdb");
var orderingDb = postgres.AddDatabase("orderingdb");
var inventoryDb = postgres.AddDatabase("inventorydb");
var redis = backing.AddRedis("redis");
var rabbitmq = backing.AddRabbitMQ("rabbitmq");

builder.Build().Run();
