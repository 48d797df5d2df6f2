namespace CoupaSandbox.Data.Catalogs;

/// <summary>Currencies in id order (USD = 1, EUR = 2, ...). PerUsd drives exchange rates and accounting totals.</summary>
internal static class Currencies
{
    public static readonly CurrencyInfo[] All =
    [
        new("USD", "US Dollar", "$", 2, 1m), new("EUR", "Euro", "€", 2, 0.92m), new("GBP", "British Pound", "£", 2, 0.79m),
        new("CAD", "Canadian Dollar", "C$", 2, 1.36m), new("MXN", "Mexican Peso", "Mex$", 2, 17.1m), new("CHF", "Swiss Franc", "CHF", 2, 0.88m),
        new("SEK", "Swedish Krona", "kr", 2, 10.4m), new("PLN", "Polish Zloty", "zł", 2, 3.95m), new("CZK", "Czech Koruna", "Kč", 2, 22.8m),
        new("JPY", "Japanese Yen", "¥", 0, 149.5m), new("INR", "Indian Rupee", "₹", 2, 83.2m), new("AUD", "Australian Dollar", "A$", 2, 1.52m),
        new("SGD", "Singapore Dollar", "S$", 2, 1.34m), new("BRL", "Brazilian Real", "R$", 2, 4.97m), new("NOK", "Norwegian Krone", "kr", 2, 10.6m),
        new("DKK", "Danish Krone", "kr", 2, 6.87m), new("HUF", "Hungarian Forint", "Ft", 2, 356m), new("CNY", "Chinese Yuan", "¥", 2, 7.19m),
        new("HKD", "Hong Kong Dollar", "HK$", 2, 7.82m), new("NZD", "New Zealand Dollar", "NZ$", 2, 1.64m), new("ZAR", "South African Rand", "R", 2, 18.6m),
        new("KRW", "South Korean Won", "₩", 0, 1330m), new("AED", "UAE Dirham", "د.إ", 2, 3.67m), new("SAR", "Saudi Riyal", "﷼", 2, 3.75m),
        new("TRY", "Turkish Lira", "₺", 2, 32.1m), new("ILS", "Israeli New Shekel", "₪", 2, 3.7m), new("THB", "Thai Baht", "฿", 2, 35.9m),
        new("MYR", "Malaysian Ringgit", "RM", 2, 4.7m), new("IDR", "Indonesian Rupiah", "Rp", 2, 15600m), new("PHP", "Philippine Peso", "₱", 2, 56.2m),
    ];

    /// <summary>Catalog entry for a currency id; ids past the catalog are synthetic currencies priced like USD.</summary>
    public static CurrencyInfo ById(long id) =>
        id >= 1 && id <= All.Length ? All[id - 1] : new CurrencyInfo($"X{id % 100:D2}", $"Test Currency {id}", "¤", 2, 1m);

    public static long IdOf(string code) => Array.FindIndex(All, c => c.Code == code) + 1;
}
