// Test data for the rule corpus: safe look-alikes. Not compiled.
using System.Data.SqlClient;
using System.Diagnostics;

namespace Corpus;

public class SafeUserStore(SqlConnection connection, AppDbContext db)
{
    private const string Table = "Users";

    public object FindByName(string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Users WHERE Name = @name";
        command.Parameters.AddWithValue("@name", name);
        return command.ExecuteScalar();
    }

    public object FindInterpolated(int id) =>
        db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Id = {id}").ToList();

    public int Delete(int id) => db.Database.ExecuteSqlInterpolated($"DELETE FROM Users WHERE Id = {id}");

    public object Count()
    {
        // The old code did: "SELECT COUNT(*) FROM Users WHERE Name = '" + name + "'"
        var sql = "SELECT COUNT(*) FROM " + Table;
        return connection.Query(sql, new { });
    }

    public string Describe(string user) => "Select a file from the list, " + user;

    public string Log(string query) => $"Running the query took {query.Length} ms";

    public void Ping()
    {
        Process.Start("cmd.exe", "/c ping localhost");
    }

    public void Open(string file)
    {
        var info = new ProcessStartInfo("convert") { UseShellExecute = false };
        info.ArgumentList.Add(file);
        info.ArgumentList.Add("out.png");
        Process.Start(info);
    }

    public string Help() => "Never call CSharpScript.EvaluateAsync(userInput) or Process.Start(\"cmd.exe\", \"/c \" + x).";
}
