// Test data for the rule corpus: deliberately vulnerable code. Not compiled.
using System.Data.SqlClient;
using System.Diagnostics;

namespace Corpus;

public class UserStore(SqlConnection connection)
{
    public object FindByName(string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Users WHERE Name = '" + name + "'"; // expect: CG5001
        return command.ExecuteScalar();
    }

    public int Delete(int id)
    {
        var sql = $"DELETE FROM Users WHERE Id = {id}"; // expect: CG5001
        using var command = new SqlCommand(sql, connection);
        return command.ExecuteNonQuery();
    }

    public object Search(string term, string order)
    {
        var sql = "SELECT Id, Name FROM Users WHERE Active = 1 ORDER BY " + order; // expect: CG5001
        return connection.Query(sql);
    }

    public object Page(string table, int page)
    {
        var sql = string.Format("SELECT * FROM {0} WHERE Page = {1}", table, page); // expect: CG5001
        return connection.Query(sql);
    }

    public void Ping(string host)
    {
        Process.Start("cmd.exe", "/c ping " + host); // expect: CG5002
    }

    public void Archive(string folder)
    {
        var info = new ProcessStartInfo("/bin/bash", $"-c \"tar czf out.tgz {folder}\""); // expect: CG5002
        Process.Start(info);
    }

    public void Convert(string file)
    {
        var info = new ProcessStartInfo
        {
            FileName = "sh",
            Arguments = $"-c \"convert {file} out.png\"", // expect: CG5002
        };
        Process.Start(info);
    }

    public async Task<object> Run(string code)
    {
        return await CSharpScript.EvaluateAsync(code); // expect: CG5003
    }
}
