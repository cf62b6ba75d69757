namespace CodegenBot.Core.Tests.Context.Codebase;

/// <summary>A small layered ASP.NET Core solution with central package management and an xunit test project.</summary>
internal static class DotnetFixture
{
    public static readonly (string Path, string Content)[] Files =
    [
        (".editorconfig", "root = true\n\n[*.cs]\nindent_size = 4\n"),
        (".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n"),
        ("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="StyleCop.Analyzers" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """),
        ("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <PollyVersion>8.9.1</PollyVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Polly.Core" Version="$(PollyVersion)" />
                <PackageVersion Include="Serilog" Version="4.0.0" />
                <PackageVersion Include="StyleCop.Analyzers" Version="1.1.118" />
                <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="18.0.0" />
                <PackageVersion Include="xunit.v3" Version="3.0.0" />
              </ItemGroup>
            </Project>
            """),
        ("src/Shop.Api/Shop.Api.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <ItemGroup>
                <PackageReference Include="Polly.Core" />
                <PackageReference Include="Serilog" VersionOverride="4.1.0" />
                <ProjectReference Include="../Shop.Core/Shop.Core.csproj" />
              </ItemGroup>
            </Project>
            """),
        ("src/Shop.Api/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddScoped<IOrderService, OrderService>();
            builder.Services.AddScoped<IOrderRepository, OrderRepository>();
            builder.Services.AddSingleton<IClock, SystemClock>();
            var app = builder.Build();
            await app.RunAsync();

            """),
        ("src/Shop.Api/Controllers/OrdersController.cs", """
            namespace Shop.Api.Controllers;

            public sealed class OrdersController(IOrderService orders) : ControllerBase
            {
                public async Task<IActionResult> GetAsync(int id)
                {
                    var order = await orders.FindAsync(id);
                    return Ok(order);
                }
            }

            """),
        ("src/Shop.Core/Shop.Core.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json">
                  <Version>13.0.3</Version>
                </PackageReference>
              </ItemGroup>
            </Project>
            """),
        ("src/Shop.Core/Services/OrderService.cs", """
            namespace Shop.Core.Services;

            public interface IOrderService
            {
                Task<Order> FindAsync(int id);
            }

            internal sealed class OrderService(IOrderRepository repository, IClock clock) : IOrderService
            {
                private readonly Dictionary<int, Order> _cache = new();
                private int _hits;

                public async Task<Order> FindAsync(int id)
                {
                    var cached = _cache.GetValueOrDefault(id);
                    if (cached is not null)
                    {
                        _hits++;
                        return cached;
                    }

                    var order = await repository.GetAsync(id);
                    return order ?? throw new OrderNotFoundException(id);
                }
            }

            """),
        ("src/Shop.Core/Repositories/OrderRepository.cs", """
            namespace Shop.Core.Repositories;

            public interface IOrderRepository
            {
                Task<Order?> GetAsync(int id);
            }

            internal sealed class OrderRepository : IOrderRepository
            {
                private readonly Dictionary<int, Order> _orders = new();
                private int count;

                public OrderRepository(ILogger<OrderRepository> logger, int capacity)
                {
                    count = capacity;
                }

                public Task<Order?> GetAsync(int id)
                {
                    try
                    {
                        return Task.FromResult(_orders.GetValueOrDefault(id));
                    }
                    catch (Exception)
                    {
                        throw new InvalidOperationException("unreachable");
                    }
                }
            }

            """),
        ("src/Shop.Core/Models/Order.cs", """
            namespace Shop.Core.Models;

            public sealed record Order(int Id, string Name);

            public sealed class OrderNotFoundException(int id) : Exception($"Order {id} was not found.");

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            """),
        ("tests/coverlet.runsettings", "<RunSettings />\n"),
        ("tests/Shop.Core.Tests/Shop.Core.Tests.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit.v3" />
              </ItemGroup>
            </Project>
            """),
        ("tests/Shop.Core.Tests/Services/OrderServiceTests.cs", """
            namespace Shop.Core.Tests.Services;

            public sealed class OrderServiceTests
            {
                [Fact]
                public async Task FindAsync_KnownId_ReturnsOrder()
                {
                    var order = await Service().FindAsync(1);
                    Assert.Equal(1, order.Id);
                }

                [Fact]
                public void Find_UnknownId_Throws()
                {
                    var service = Service();
                    Assert.Throws<OrderNotFoundException>(() => service.FindAsync(2).Result);
                }

                [Fact]
                public void Constructor_Works()
                {
                }

                private static OrderService Service() => new(new FakeRepository(), new FakeClock());
            }

            """),
    ];
}
