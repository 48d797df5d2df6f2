using CoupaFunctions.Tests.Infrastructure;
using CoupaFunctions.Tests.Scheduling;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;

namespace CoupaFunctions.Tests.Functions;

/// <summary>The portal sample bodies stay valid hook calls: one per function, each accepted by the handler.</summary>
public sealed class SamplesTests
{
    private static readonly string SamplesDirectory = Path.Combine(RepositoryRoot(), "samples");

    [Fact]
    public void Samples_OnePerFunction()
    {
        var expected = ImportCatalog.Default.Entries.Select(e => $"import-{e.Type.Replace('_', '-')}.json").Append("coupa-v1-import.json").Order();
        Assert.Equal(expected, Directory.GetFiles(SamplesDirectory, "*.json").Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Samples_AreAcceptedByTheirFunction()
    {
        await using var services = TestServices.Create();
        var handler = services.Get<ImportWebhookHandler>();
        foreach (var file in Directory.GetFiles(SamplesDirectory, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            string? type = name == "coupa-v1-import" ? null : name["import-".Length..].Replace('-', '_');
            var answer = await handler.StartAsync(type, new WebhookCall(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), null),
                new RecordingLauncher(), (run, token) => $"https://app/api/import/runs/{run}?token={token}", TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode == 202, $"{name}: {answer.StatusCode} {answer.Body?.ToJsonString()}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CoupaFunctions.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (CoupaFunctions.slnx) not found above " + AppContext.BaseDirectory);
    }
}
