using System.Net;
using GtmBot.Host;
using GtmBot.Storage;
using Microsoft.Extensions.Configuration;

namespace GtmBot.IntegrationTests.Local;

public sealed class HostBasicsTests
{
    [Fact]
    public async Task Favicon_is_served_rather_than_a_404()
    {
        await using var host = new GtmHostFactory();
        using var client = host.CreateClient();
        var response = await client.GetAsync("/favicon.ico", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<svg", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_location_names_the_sqlite_file_or_the_postgres_database_without_its_password()
    {
        var sqlite = HostExtensions.StorageLocation(new StorageOptions { DataDirectory = "/var/lib/gtmbot" }, new ConfigurationBuilder().Build());
        Assert.Equal(Path.GetFullPath("/var/lib/gtmbot/gtmbot.db"), sqlite);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=db.internal;Port=5432;Database=gtm;Username=bot;Password=s3cret",
        }).Build();
        var postgres = HostExtensions.StorageLocation(new StorageOptions { Provider = StorageProvider.Postgres }, configuration);
        Assert.Equal("host db.internal, database gtm", postgres);
        Assert.DoesNotContain("s3cret", postgres, StringComparison.Ordinal);
    }
}
