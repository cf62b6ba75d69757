// Test data for the rule corpus: safe look-alikes. Not compiled.
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Xml;

namespace Corpus;

public class SafeSettings(IConfiguration configuration)
{
    private const string TokenHeader = "X-Api-Token";
    private const string PasswordPlaceholder = "<password>";
    public string DbPassword => configuration["Db:Password"] ?? "";
    private readonly string apiKey = Environment.GetEnvironmentVariable("API_KEY") ?? "changeme";
    private readonly string secretName = "MyApp_ClientSecret";
    private readonly string token = "";
    // Example: var token = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12";
    private readonly string example = "AKIAIOSFODNN7EXAMPLE";
    public string PasswordLabel { get; } = "Enter your password";

    public T? Parse<T>(string json) => JsonSerializer.Deserialize<T>(json);

    public object ParseNone(string json) => JsonConvert.DeserializeObject(json, new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
    });

    public XmlReader ReadXml(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        return XmlReader.Create(path, settings);
    }

    public HttpClient Client()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => errors == SslPolicyErrors.None,
        };
        return new HttpClient(handler);
    }

    public byte[] Hash(byte[] data) => SHA256.HashData(data);

    public string ETag(byte[] body) => Convert.ToHexString(MD5.HashData(body)); // etag only

    public byte[] Encrypt(byte[] data, byte[] key, byte[] nonce, byte[] tag)
    {
        using var aes = new AesGcm(key, 16);
        var cipher = new byte[data.Length];
        aes.Encrypt(nonce, data, cipher, tag);
        return cipher;
    }

    public string NewResetToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    public int PickColour(string[] colours) => Random.Shared.Next(colours.Length);

    public int Jitter()
    {
        var random = new Random();
        return random.Next(100);
    }

    public string Describe() => "MD5.Create() and DES.Create() are weak; BinaryFormatter is unsafe";
}
