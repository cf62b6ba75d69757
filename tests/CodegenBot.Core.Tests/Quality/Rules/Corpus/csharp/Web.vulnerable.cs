// Test data for the rule corpus: deliberately vulnerable code. Not compiled.
using Microsoft.AspNetCore.Mvc;

namespace Corpus;

public class FilesController(IWebHostEnvironment env, HttpClient http) : Controller
{
    public IActionResult Download()
    {
        var name = Request.Query["file"].ToString();
        var path = Path.Combine(env.ContentRootPath, "files", name); // expect: CG5006
        return PhysicalFile(path, "application/octet-stream");
    }

    public async Task<IActionResult> Upload(IFormFile file)
    {
        var target = Path.Combine("/var/uploads", file.FileName); // expect: CG5006
        await using var stream = new FileStream(target, FileMode.Create);
        await file.CopyToAsync(stream);
        return Ok();
    }

    public IActionResult Read() => Content(System.IO.File.ReadAllText(Request.Query["path"])); // expect: CG5006, CG4006

    public async Task<IActionResult> Proxy()
    {
        var url = Request.Query["url"];
        var body = await http.GetStringAsync(url); // expect: CG5012
        return Content(body);
    }

    public async Task<IActionResult> Hook()
    {
        var response = await http.PostAsync(Request.Form["callback"], null); // expect: CG5012
        return StatusCode((int)response.StatusCode);
    }

    public async Task<IActionResult> Echo()
    {
        using var reader = new StreamReader(Request.Body);
        var text = await reader.ReadToEndAsync(); // expect: CG4006
        return Content(text);
    }

    public IHtmlContent Bio(User user) => Html.Raw(user.Biography); // expect: CG5011

    public string Fetch(string url)
    {
        return http.GetStringAsync(url).Result; // expect: CG4001
    }

    public void Save(Order order)
    {
        SaveAsync(order).Wait(); // expect: CG4001
        var task = LoadAsync(order.Id);
        var loaded = task.Result; // expect: CG4001
        FlushAsync().GetAwaiter().GetResult(); // expect: CG4001
    }
}
