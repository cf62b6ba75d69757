namespace CodegenBot.Core.Tests.Context.Codebase;

/// <summary>A Go module, a Rust crate, a Maven module, a Gradle module and a Gemfile in one repository.</summary>
internal static class PolyglotFixture
{
    public static readonly (string Path, string Content)[] Files =
    [
        (".golangci.yml", "linters:\n  enable: [errcheck]\n"),
        (".rubocop.yml", "AllCops:\n  NewCops: enable\n"),
        ("Gemfile", """
            source 'https://rubygems.org'

            gem 'rails', '~> 7.1', '>= 7.1.2'
            gem "puma"
            gem 'rubocop', require: false, group: :development

            group :development, :test do
              gem 'rspec-rails', '>= 6.0'
            end

            platforms :jruby do
              gem 'jdbc-sqlite3'
            end
            """),
        ("cli/go.mod", """
            module github.com/acme/cli

            go 1.22

            require (
                github.com/spf13/cobra v1.8.0
                golang.org/x/sync v0.6.0 // indirect
            )

            require github.com/stretchr/testify v1.9.0
            """),
        ("cli/cmd/acme/main.go", """
            package main

            import "github.com/acme/cli/internal/run"

            func main() {
            	run.Run()
            }

            """),
        ("cli/internal/run/run.go", """
            package run

            func Run() error {
            	cfg, err := load()
            	if err != nil {
            		return err
            	}
            	return apply(cfg)
            }

            func load() (string, error) {
            	return "", nil
            }

            func apply(cfg string) error {
            	if err := check(cfg); err != nil {
            		return err
            	}
            	return nil
            }

            func check_config(cfg string) error {
            	return nil
            }

            """),
        ("cli/internal/run/run_test.go", "package run\n\nfunc TestRun(t *testing.T) {}\n"),
        ("engine/Cargo.toml", """
            [package]
            name = "engine"
            version = "0.1.0"

            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            tokio = "1.36"
            local-util = { path = "../util" }

            [dependencies.anyhow]
            version = "1.0.80"

            [dev-dependencies]
            proptest = "1.4"

            [[bin]]
            name = "engine-tool"
            path = "tools/engine_tool.rs"
            """),
        ("engine/src/main.rs", "fn main() {\n    println!(\"engine\");\n}\n"),
        ("engine/src/lib.rs", "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n        assert_eq!(super::add(1, 2), 3);\n    }\n}\n"),
        ("engine/tools/engine_tool.rs", "fn main() {}\n"),
        ("server/pom.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <groupId>com.acme</groupId>
              <artifactId>server</artifactId>
              <version>2.3.0</version>
              <properties>
                <junit.version>5.10.2</junit.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-dependencies</artifactId>
                    <version>3.2.3</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>org.springframework.boot</groupId>
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
                <dependency>
                  <groupId>com.acme</groupId>
                  <artifactId>common</artifactId>
                  <version>${project.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>${junit.version}</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.jacoco</groupId>
                    <artifactId>jacoco-maven-plugin</artifactId>
                  </plugin>
                </plugins>
              </build>
            </project>
            """),
        ("server/src/main/java/com/acme/Server.java", """
            package com.acme;

            public class Server {
                public static void main(String[] args) {
                    new Server().start();
                }

                public void start() {
                }

                private int portNumber() {
                    return 8080;
                }
            }

            """),
        ("server/src/test/java/com/acme/ServerTest.java", "package com.acme;\n\nclass ServerTest {\n}\n"),
        ("android/build.gradle.kts", """
            plugins { id("com.android.application") }

            dependencies {
                implementation("com.squareup.okhttp3:okhttp:4.12.0")
                api(platform("org.jetbrains.kotlin:kotlin-bom:1.9.22"))
                implementation(libs.androidx.core)
                testImplementation("junit:junit:4.13.2")
            }
            """),
        ("android/src/test/java/com/acme/AppTest.java", "package com.acme;\n\nclass AppTest {\n}\n"),
    ];
}
