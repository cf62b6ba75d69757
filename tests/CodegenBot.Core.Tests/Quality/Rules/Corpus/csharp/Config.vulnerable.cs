// Test data for the rule corpus: deliberately vulnerable code. Not compiled.
using System.Net.Http;
using System.Runtime.Serialization.Formatters.Binary;
using System.Security.Cryptography;
using System.Xml;
using Newtonsoft.Json;

namespace Corpus;

public class Settings
{
    private const string GitHubToken = "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12"; // expect: CG5013
    private static readonly string AwsKey = "AKIAZ7QW3RT5YU8IOP2L"; // expect: CG5013
    public string DbPassword { get; } = "Xk9#mQ2$vL7pRw4z"; // expect: CG5013
    private readonly string apiKey = "a8f3k2m9x7q1w5e6r4t0y2u8i3o7p1s9"; // expect: CG5013

    public object Load(Stream stream)
    {
        var formatter = new BinaryFormatter(); // expect: CG5004
        return formatter.Deserialize(stream);
    }

    public object Parse(string json) => JsonConvert.DeserializeObject(json, new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All, // expect: CG5004
    });

    public object ParseAuto(string json)
    {
        var settings = new JsonSerializerSettings();
        settings.TypeNameHandling = TypeNameHandling.Auto; // expect: CG5004
        return JsonConvert.DeserializeObject(json, settings);
    }

    public XmlDocument ReadXml(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse }; // expect: CG5005
        var document = new XmlDocument();
        document.XmlResolver = new XmlUrlResolver(); // expect: CG5005
        document.Load(XmlReader.Create(path, settings));
        return document;
    }

    public HttpClient Client()
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true, // expect: CG5007
        };
        return new HttpClient(handler);
    }

    public HttpClient Client2()
    {
        var handler = new HttpClientHandler();
        handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator; // expect: CG5007
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; }; // expect: CG5007
        return new HttpClient(handler);
    }

    public byte[] HashPassword(string password)
    {
        using var md5 = MD5.Create(); // expect: CG5008
        return md5.ComputeHash(Encoding.UTF8.GetBytes(password));
    }

    public byte[] Sign(byte[] data) => SHA1.HashData(data); // expect: CG5008

    public byte[] Encrypt(byte[] data, byte[] key)
    {
        using var des = DES.Create(); // expect: CG5009
        des.Key = key;
        return des.EncryptCbc(data, new byte[8]);
    }

    public byte[] EncryptAes(byte[] data, byte[] key)
    {
        using var aes = Aes.Create();
        aes.Mode = CipherMode.ECB; // expect: CG5009
        return aes.EncryptEcb(data, PaddingMode.PKCS7);
    }

    public string NewResetToken()
    {
        var random = new Random();
        var token = new char[32];
        for (var i = 0; i < token.Length; i++)
        {
            token[i] = Alphabet[random.Next(Alphabet.Length)]; // expect: CG5010
        }

        return new string(token);
    }

    public int NewPin() => Random.Shared.Next(1000, 9999); // expect: CG5010

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
}
