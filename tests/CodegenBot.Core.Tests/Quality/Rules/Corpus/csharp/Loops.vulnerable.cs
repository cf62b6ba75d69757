// Test data for the rule corpus: performance anti-patterns. Not compiled.
using System.Text.RegularExpressions;

namespace Corpus;

public class Reports(AppDbContext db, SqlConnection connection)
{
    public string Csv(IEnumerable<Order> orders)
    {
        var csv = "";
        foreach (var order in orders)
        {
            csv += $"{order.Id},{order.Total}\n"; // expect: CG4002
        }

        return csv;
    }

    public string Join(string[] parts)
    {
        string result = string.Empty;
        for (var i = 0; i < parts.Length; i++)
        {
            result = result + parts[i] + ";"; // expect: CG4002
        }

        return result;
    }

    public int CountMatches(string[] lines, string pattern)
    {
        var count = 0;
        foreach (var line in lines)
        {
            var regex = new Regex(pattern, RegexOptions.IgnoreCase); // expect: CG4004
            if (regex.IsMatch(line))
            {
                count++;
            }
        }

        return count;
    }

    public List<Customer> Customers(IEnumerable<Order> orders)
    {
        var customers = new List<Customer>();
        foreach (var order in orders)
        {
            customers.Add(db.Customers.FirstOrDefault(c => c.Id == order.CustomerId)); // expect: CG4005
        }

        return customers;
    }

    public async Task Totals(int[] ids)
    {
        foreach (var id in ids)
        {
            var total = await connection.QuerySingleAsync<decimal>("SELECT SUM(Total) FROM Orders WHERE CustomerId = @id", new { id }); // expect: CG4005
            Console.WriteLine(total);
        }
    }

    public void Touch(SqlCommand command, int[] ids)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            command.Parameters["@id"].Value = ids[i];
            command.ExecuteNonQuery(); // expect: CG4005
        }
    }

    public (int, decimal) Stats(List<Order> orders)
    {
        IEnumerable<Order> paid = orders.Where(o => o.Paid);
        var count = paid.Count();
        var total = paid.Sum(o => o.Total); // expect: CG4003
        return (count, total);
    }

    public void Print(List<Order> orders)
    {
        var big = orders.Where(o => o.Total > 100).OrderBy(o => o.Total);
        if (big.Any())
        {
            foreach (var order in big) // expect: CG4003
            {
                Console.WriteLine(order);
            }
        }
    }
}
