using System.ComponentModel.DataAnnotations;
using AspireMsa.Catalog.Api.Apis;
using AspireMsa.Catalog.Api.Model;
using AspireMsa.DemoData;
using AspireMsa.Identity.Api.Users;

namespace AspireMsa.UnitTests;

/// <summary>The demo store's data set: what a newcomer browses, and what the catalog would accept from it.</summary>
public class DemoCatalogTests
{
    [Fact]
    public void TheDemoStore_HasAtLeastFortyProducts_InAtLeastFiveCategories()
    {
        Assert.True(DemoCatalog.Products.Count >= 40, $"{DemoCatalog.Products.Count} products.");
        Assert.True(DemoCatalog.Products.Select(p => p.Category).Distinct().Count() >= 5);
    }

    [Fact]
    public void CarolsCategory_IsOneOfTheDemoStoresCategories()
    {
        Assert.Contains(DemoUserSeeder.CarolsCategory, DemoCatalog.Products.Select(p => p.Category));
    }

    [Fact]
    public void EverySku_IsUnique_InTheCatalogsFormat_AndAlreadyNormalized()
    {
        Assert.Equal(DemoCatalog.Products.Count, DemoCatalog.Products.Select(p => p.Sku).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(DemoCatalog.Products, product =>
        {
            Assert.Matches("^SKU-[0-9]{6}$", product.Sku);
            Assert.Equal(product.Sku, ProductSku.Normalize(product.Sku));
        });
    }

    [Fact]
    public void EveryProduct_HasAUniqueName_ADescription_APositivePrice_AndStock()
    {
        Assert.Equal(DemoCatalog.Products.Count, DemoCatalog.Products.Select(p => p.Name).Distinct().Count());
        Assert.All(DemoCatalog.Products, product =>
        {
            Assert.False(string.IsNullOrWhiteSpace(product.Description), product.Sku);
            Assert.True(product.Price > 0, product.Sku);
            Assert.True(product.Stock > 0, product.Sku);
        });
    }

    [Fact]
    public void EveryProduct_PassesTheCatalogsOwnValidation()
    {
        Assert.All(DemoCatalog.Products, product =>
        {
            var request = new ProductRequest(product.Name, product.Description, product.Price, product.Category, Sku: product.Sku);
            var errors = new List<ValidationResult>();
            Assert.True(Validator.TryValidateObject(request, new ValidationContext(request), errors, validateAllProperties: true),
                $"{product.Sku}: {string.Join("; ", errors.Select(e => e.ErrorMessage))}");
        });
    }
}
