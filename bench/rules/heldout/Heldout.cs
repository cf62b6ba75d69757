// Held-out cases, written after the rules were tuned and measured once without changing the rules.
public class Heldout(SqlConnection connection, HttpClient http)
{
    public SqlCommand Find(string email) => new SqlCommand($"SELECT * FROM Accounts WHERE Email = '{email}'", connection); // expect: CG5001

    public SqlCommand Safe(string email)
    {
        var command = new SqlCommand("SELECT * FROM Accounts WHERE Email = @email", connection);
        command.Parameters.Add(new SqlParameter("@email", email));
        return command;
    }

    public void Shell(string script) => Process.Start("bash", "-c " + script); // expect: CG5002

    public byte[] Fingerprint(byte[] data) => SHA1.Create().ComputeHash(data); // expect: CG5008

    public string Greeting(string name) => $"Welcome back, {name}; select an option from the menu";

    public int Total() => http.GetAsync("/total").Result.StatusCode == HttpStatusCode.OK ? 1 : 0; // expect: CG4001

    public string Join(List<string> names)
    {
        var text = string.Empty;
        foreach (var name in names)
        {
            text += name + ";"; // expect: CG4002
        }

        return text;
    }

    public string ApiKey { get; } = "3f9a7c2e8b1d4f6a9c0e2b7d5a8f1c3e"; // expect: CG5013
}
