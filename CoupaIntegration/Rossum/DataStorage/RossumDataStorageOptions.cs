using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>How we talk to Rossum Data Storage: retries, operation polling, request sizes. Section "RossumDataStorage".</summary>
public sealed class RossumDataStorageOptions
{
    public const string SectionName = "RossumDataStorage";

    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    [Range(0.01, 60)]
    public double RetryBaseDelaySeconds { get; set; } = 1;

    [Range(0.01, 600)]
    public double RetryMaxDelaySeconds { get; set; } = 30;

    /// <summary>find/aggregate may run 120 s on the server; an attempt gets a little longer than that.</summary>
    [Range(1, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 150;

    /// <summary>Pause between <c>operation_status</c> polls of a 202 operation (bulk_write, drop).</summary>
    [Range(0.01, 60)]
    public double OperationPollIntervalSeconds { get; set; } = 1;

    /// <summary>Give up waiting for one operation after this long; the batch is then written again by the next run.</summary>
    [Range(1, 7200)]
    public double OperationTimeoutSeconds { get; set; } = 600;

    /// <summary>Documents per insert_many/bulk_write call and keys per lookup; 5000 per insert_many works in the field.</summary>
    [Range(1, 10000)]
    public int MaxDocumentsPerRequest { get; set; } = 5000;

    /// <summary>Page size when reading a dataset back with find (skip/limit, sorted by _id).</summary>
    [Range(1, 10000)]
    public int ReadPageSize { get; set; } = 2500;

    /// <summary>The organisation's collection holding checkpoints and unfinished run state, one document per (kind, dataset).</summary>
    [Required, RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string StateCollection { get; set; } = "coupa_functions_state";
}
