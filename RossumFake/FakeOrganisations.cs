namespace RossumFake;

public static class FakeOrganisations
{
    public const string Default = "default";
}
