using System.Text.Json.Nodes;

namespace CoupaSandbox.Data.Catalogs;

/// <summary>Countries as Coupa embeds them ({id, code, name}). Non-ASCII city and state names are deliberate: clients must
/// round-trip UTF-8.</summary>
internal static class Countries
{
    public static readonly CountryInfo[] All =
    [
        new(223, "US", "United States", "USD", null, 0m, 0m, "Inc.",
            [new("Chicago", "Illinois", "IL", "606##"), new("Austin", "Texas", "TX", "787##"), new("San Francisco", "California", "CA", "941##"),
             new("New York", "New York", "NY", "100##"), new("Portland", "Oregon", "OR", "972##")]),
        new(38, "CA", "Canada", "CAD", "CA", 5m, 0m, "Ltd.", [new("Toronto", "Ontario", "ON", "M5V #A#"), new("Montréal", "Québec", "QC", "H2X #A#")]),
        new(138, "MX", "Mexico", "MXN", "MX", 16m, 0m, "S.A. de C.V.", [new("Monterrey", "Nuevo León", "NLE", "64###"), new("Ciudad de México", "Ciudad de México", "CMX", "06###")]),
        new(222, "GB", "United Kingdom", "GBP", "GB", 20m, 5m, "Ltd", [new("London", "England", "ENG", "EC1A #AA"), new("Manchester", "England", "ENG", "M1 #AA")]),
        new(79, "DE", "Germany", "EUR", "DE", 19m, 7m, "GmbH",
            [new("Berlin", "Berlin", "BE", "10###"), new("München", "Bayern", "BY", "80###"), new("Köln", "Nordrhein-Westfalen", "NW", "50###")]),
        new(73, "FR", "France", "EUR", "FR", 20m, 5.5m, "SAS", [new("Paris", "Île-de-France", "IDF", "750##"), new("Lyon", "Auvergne-Rhône-Alpes", "ARA", "690##")]),
        new(150, "NL", "Netherlands", "EUR", "NL", 21m, 9m, "B.V.", [new("Amsterdam", "Noord-Holland", "NH", "10## AA"), new("Rotterdam", "Zuid-Holland", "ZH", "30## AA")]),
        new(21, "BE", "Belgium", "EUR", "BE", 21m, 6m, "NV", [new("Antwerpen", "Antwerpen", "VAN", "20##"), new("Bruxelles", "Bruxelles-Capitale", "BRU", "10##")]),
        new(105, "IT", "Italy", "EUR", "IT", 22m, 10m, "S.p.A.", [new("Milano", "Lombardia", "MI", "201##"), new("Torino", "Piemonte", "TO", "101##")]),
        new(195, "ES", "Spain", "EUR", "ES", 21m, 10m, "S.L.", [new("Madrid", "Madrid", "MD", "280##"), new("Barcelona", "Cataluña", "CT", "080##")]),
        new(172, "PL", "Poland", "PLN", "PL", 23m, 8m, "Sp. z o.o.", [new("Kraków", "Małopolskie", "MA", "3#-###"), new("Łódź", "Łódzkie", "LD", "9#-###")]),
        new(56, "CZ", "Czech Republic", "CZK", "CZ", 21m, 12m, "s.r.o.", [new("Praha", "Hlavní město Praha", "PR", "1## ##"), new("Brno", "Jihomoravský kraj", "JM", "6## ##")]),
        new(203, "SE", "Sweden", "SEK", "SE", 25m, 12m, "AB", [new("Göteborg", "Västra Götaland", "O", "4## ##"), new("Stockholm", "Stockholm", "AB", "1## ##")]),
        new(204, "CH", "Switzerland", "CHF", "CHE", 8.1m, 2.6m, "AG", [new("Zürich", "Zürich", "ZH", "80##"), new("Genève", "Genève", "GE", "12##")]),
        new(14, "AT", "Austria", "EUR", "ATU", 20m, 10m, "GmbH", [new("Wien", "Wien", "9", "1###")]),
        new(103, "IE", "Ireland", "EUR", "IE", 23m, 13.5m, "Ltd", [new("Dublin", "Dublin", "D", "D0# A#A#"), new("Cork", "Cork", "CO", "T12 A#A#")]),
        new(99, "IN", "India", "INR", "IN", 18m, 5m, "Pvt. Ltd.", [new("Bengaluru", "Karnataka", "KA", "5600##"), new("Pune", "Maharashtra", "MH", "4110##")]),
        new(107, "JP", "Japan", "JPY", "JP", 10m, 8m, "K.K.", [new("Tōkyō", "Tokyo", "13", "1##-####"), new("Ōsaka", "Osaka", "27", "5##-####")]),
        new(13, "AU", "Australia", "AUD", "AU", 10m, 0m, "Pty Ltd", [new("Sydney", "New South Wales", "NSW", "2###"), new("Melbourne", "Victoria", "VIC", "3###")]),
        new(189, "SG", "Singapore", "SGD", "SG", 9m, 0m, "Pte. Ltd.", [new("Singapore", "Singapore", "SG", "0#####")]),
        new(30, "BR", "Brazil", "BRL", "BR", 17m, 7m, "Ltda.", [new("São Paulo", "São Paulo", "SP", "0####-###"), new("Curitiba", "Paraná", "PR", "8####-###")]),
    ];

    /// <summary>Pick list skewed the way a US-headquartered tenant's supplier base is.</summary>
    public static readonly CountryInfo[] Weighted =
    [
        .. Enumerable.Repeat(All[0], 8), .. Enumerable.Repeat(All[3], 3), .. Enumerable.Repeat(All[4], 3), .. All,
    ];

    public static JsonObject Stub(CountryInfo country) => new() { ["id"] = country.Id, ["code"] = country.Code, ["name"] = country.Name };
}
