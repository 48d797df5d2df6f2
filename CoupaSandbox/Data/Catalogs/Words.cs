namespace CoupaSandbox.Data.Catalogs;

/// <summary>Word lists for names and descriptions; a few non-ASCII entries keep encoding bugs visible.</summary>
internal static class Words
{
    public static readonly string[] CompanyFirst =
    [
        "Northwind", "Contoso", "Fabrikam", "Adventure", "Litware", "Tailspin", "Wingtip", "Proseware", "Lucerne", "Margie's",
        "Alpine", "Blue Yonder", "Coho", "Fourth Coffee", "Graphic", "Humongous", "Southridge", "Trey", "Wide World", "Woodgrove",
        "Müller", "Société", "Nordisk", "Zürcher", "Łódzkie", "Ñandú", "Kōyō", "Örebro", "Café", "Brightwater",
        "Summit", "Redwood", "Harbor", "Pioneer", "Atlas", "Cascade", "Granite", "Evergreen", "Sterling", "Keystone",
    ];

    public static readonly string[] CompanySecond =
    [
        "Office Supplies", "Industrial", "Logistics", "IT Services", "Consulting", "Electrical", "Packaging", "Laboratories",
        "Facilities", "Catering", "Travel", "Print & Media", "Software", "Hardware", "Staffing", "Engineering", "Chemicals",
        "Security", "Cleaning", "Furniture", "Telecom", "Freight", "Marketing", "Legal", "Energy", "Medical", "Tools",
        "Metals", "Plastics", "Textiles",
    ];

    public static readonly string[] GivenNames =
        ["Anna", "Ben", "Chloé", "David", "Elif", "Fatima", "Gustav", "Hiro", "Inés", "Jonas", "Kasia", "Liam", "Mei", "Noah", "Olga", "Pedro", "Zoë"];

    public static readonly string[] FamilyNames =
        ["Andersson", "Brown", "Čapek", "Dubois", "Evans", "Fischer", "González", "Hansen", "Ivanova", "Jensen", "Kim", "López", "Nowak", "Rossi", "Schäfer", "Tanaka", "Williams"];

    public static readonly string[] Streets =
    [
        "Main Street", "Market Street", "Industrial Parkway", "Commerce Drive", "Hauptstraße", "Rue de la République", "Via Roma",
        "Calle Mayor", "ul. Piotrkowska", "Kungsgatan", "Bahnhofstrasse", "High Street", "Harbour Road", "Station Road", "Oak Avenue",
    ];

    public static readonly string[] Items =
    [
        "Laptop 14\" i7 16GB", "Docking station USB-C", "Office chair ergonomic", "A4 copy paper, 80 g/m²", "Toner cartridge black",
        "Safety gloves (pair)", "Pallet wrap 500 mm", "Consulting services", "Software subscription (annual)", "Cloud hosting",
        "Forklift maintenance", "Catering – team event", "Hotel accommodation", "Cleaning services", "Monitor 27\" 4K",
        "Cable Cat6 3 m", "Lab reagent kit", "Steel bolts M8 × 40", "Courier shipment", "Printer maintenance contract",
    ];

    public static readonly string[] Departments =
        ["Marketing", "Finance", "IT", "Operations", "Human Resources", "Sales", "R&D", "Legal", "Facilities", "Procurement", "Logistics", "Customer Service"];

    public static readonly string[] Regions = ["North America", "EMEA", "APAC", "LATAM", "DACH", "Nordics", "Benelux", "UK & Ireland"];

    /// <summary>Lower-case ASCII slug for e-mail domains (e-mail addresses must stay ASCII).</summary>
    public static string Slug(string text)
    {
        var normalized = text.Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized.Where(c => c < 128 && char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant).ToArray();
        return chars.Length == 0 ? "supplier" : new string(chars);
    }
}
