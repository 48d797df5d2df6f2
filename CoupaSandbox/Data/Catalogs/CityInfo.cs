namespace CoupaSandbox.Data.Catalogs;

/// <summary>PostalPattern: '#' = digit, 'A' = capital letter (see RecordRng.Pattern).</summary>
internal sealed record CityInfo(string City, string State, string StateIso, string PostalPattern);
