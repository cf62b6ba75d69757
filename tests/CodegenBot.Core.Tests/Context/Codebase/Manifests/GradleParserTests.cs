using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class GradleParserTests
{
    [Fact]
    public void Parse_GroovyDsl_ReadsStringAndMapNotations()
    {
        const string Text = """
            plugins { id 'java' }
            dependencies {
                implementation 'com.google.guava:guava:33.0.0-jre'
                compileOnly "org.projectlombok:lombok:1.18.30"
                runtimeOnly group: 'org.postgresql', name: 'postgresql', version: '42.7.2'
                testImplementation 'org.junit.jupiter:junit-jupiter'
                classpath 'com.android.tools.build:gradle:8.2.0'
            }
            """;

        var dependencies = new GradleParser().Parse("build.gradle", Text, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("maven", "com.google.guava:guava", "33.0.0-jre", "build.gradle", false),
            new Dependency("maven", "org.projectlombok:lombok", "1.18.30", "build.gradle", false),
            new Dependency("maven", "org.postgresql:postgresql", "42.7.2", "build.gradle", false),
            new Dependency("maven", "org.junit.jupiter:junit-jupiter", null, "build.gradle", true),
        ], dependencies);
    }
}
