namespace CoupaSandbox.Data.Catalogs;

internal sealed record CurrencyInfo(string Code, string Name, string Symbol, int Decimals, decimal PerUsd);
