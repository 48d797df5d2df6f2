using CoupaIntegration.DataHub;

namespace CoupaIntegration.Webhooks;

/// <summary>The data hub a job writes to: Rossum Data Storage for hook calls, SQLite for local runs.</summary>
public interface IJobDataHubFactory
{
    IDataHub Create(ImportJobRequest job);
}
