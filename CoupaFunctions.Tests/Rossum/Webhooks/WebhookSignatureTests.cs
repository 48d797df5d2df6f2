using System.Text;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Webhooks;

namespace CoupaFunctions.Tests.Rossum.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly Secret HookSecret = new("my-hook-secret");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"request_id":"ae7bc8dd-1234","action":"scheduled","event":"invocation"}""");

    /// <summary>hmac.new(b"my-hook-secret", body, hashlib.sha256).hexdigest(), as Rossum's own Python example computes it.</summary>
    private const string PythonDigest = "sha256=feb9b401cedda8ee2fb2d064435b6abe0dc6502961ccc4f38a448ea228291bfd";

    [Fact]
    public void Sign_MatchesTheDigestOfRossumsPythonExample() =>
        Assert.Equal(PythonDigest, WebhookSignature.Sign(Body, HookSecret));

    [Theory]
    [InlineData(PythonDigest)]
    [InlineData("sha256=FEB9B401CEDDA8EE2FB2D064435B6ABE0DC6502961CCC4F38A448EA228291BFD")]
    [InlineData("  sha256=feb9b401cedda8ee2fb2d064435b6abe0dc6502961ccc4f38a448ea228291bfd ")]
    public void Verify_ASignatureOfThisBodyWithThisSecret_IsValid(string header) =>
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Body, header, HookSecret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Verify_WithoutTheHeader_IsMissing(string? header) =>
        Assert.Equal(SignatureCheck.Missing, WebhookSignature.Verify(Body, header, HookSecret));

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsAMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(Body, WebhookSignature.Sign(Body, new Secret("another-secret")), HookSecret));

    [Fact]
    public void Verify_ATamperedBody_IsAMismatch()
    {
        var tampered = Encoding.UTF8.GetBytes("""{"request_id":"ae7bc8dd-1234","action":"manual","event":"invocation"}""");
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify(tampered, PythonDigest, HookSecret));
    }

    [Fact]
    public void Verify_OneByteAddedToTheBody_IsAMismatch() =>
        Assert.Equal(SignatureCheck.Mismatch, WebhookSignature.Verify([.. Body, (byte)' '], PythonDigest, HookSecret));

    [Theory]
    [InlineData("feb9b401cedda8ee2fb2d064435b6abe0dc6502961ccc4f38a448ea228291bfd")]
    [InlineData("sha1=feb9b401cedda8ee2fb2d064435b6abe0dc6502961ccc4f38a448ea228291bfd")]
    [InlineData("sha256=feb9b401")]
    [InlineData("sha256=zzb9b401cedda8ee2fb2d064435b6abe0dc6502961ccc4f38a448ea228291bfd")]
    [InlineData("sha256=")]
    public void Verify_AHeaderNotShapedSha256Hex_IsMalformed(string header) =>
        Assert.Equal(SignatureCheck.Malformed, WebhookSignature.Verify(Body, header, HookSecret));

    [Fact]
    public void Describe_NeverRevealsTheExpectedDigest()
    {
        foreach (var check in Enum.GetValues<SignatureCheck>())
            Assert.DoesNotContain("feb9b401", WebhookSignature.Describe(check));
    }

    [Fact]
    public void AnEmptySecret_IsAConfigurationError()
    {
        var error = Assert.Throws<IntegrationException>(() => WebhookSignature.Verify(Body, PythonDigest, new Secret("")));
        Assert.Equal(FailureKind.Configuration, error.Kind);
    }
}
