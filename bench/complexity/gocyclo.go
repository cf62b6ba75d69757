// Command gocyclo prints the cyclomatic complexity of every Go function declaration under the given folders,
// one per line as "<complexity> <package> <function> <file>:<line>:<column>", by gocyclo's rule (github.com/fzipp/gocyclo,
// v0.6: 1 + if, for, range, non-default case and comm clauses, && and ||; function literals count for their
// declaration). gocyclo itself cannot be installed where the Go module proxy is out of reach, so the rule is
// re-typed here on the standard library's own parser; bench/complexity.sh builds it with the Debian Go toolchain.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	fset := token.NewFileSet()
	for _, root := range os.Args[1:] {
		filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err != nil || info.IsDir() || !strings.HasSuffix(path, ".go") {
				return nil
			}
			file, err := parser.ParseFile(fset, path, nil, 0)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				return nil
			}
			for _, decl := range file.Decls {
				if fn, ok := decl.(*ast.FuncDecl); ok {
					v := &visitor{complexity: 1}
					ast.Walk(v, fn)
					fmt.Printf("%d %s %s %s\n", v.complexity, file.Name.Name, name(fn), fset.Position(fn.Pos()))
				}
			}
			return nil
		})
	}
}

type visitor struct{ complexity int }

func (v *visitor) Visit(n ast.Node) ast.Visitor {
	switch n := n.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
		v.complexity++
	case *ast.CaseClause:
		if n.List != nil { // not default
			v.complexity++
		}
	case *ast.CommClause:
		if n.Comm != nil { // not default
			v.complexity++
		}
	case *ast.BinaryExpr:
		if n.Op == token.LAND || n.Op == token.LOR {
			v.complexity++
		}
	}
	return v
}

func name(fn *ast.FuncDecl) string {
	if fn.Recv != nil && len(fn.Recv.List) > 0 {
		t := fn.Recv.List[0].Type
		if star, ok := t.(*ast.StarExpr); ok {
			t = star.X
		}
		if index, ok := t.(*ast.IndexExpr); ok {
			t = index.X
		}
		if id, ok := t.(*ast.Ident); ok {
			return id.Name + "." + fn.Name.Name
		}
	}
	return fn.Name.Name
}
