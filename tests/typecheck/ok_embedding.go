package main

type Base struct {
	ID   int
	name string
}

func (b Base) Describe() string { return b.name }
func (b *Base) Rename(s string) { b.name = s }

type Derived struct {
	Base
	Extra int
}

type Deeper struct {
	*Derived
	Level int
}

func main() {
	d := Derived{Base: Base{ID: 1, name: "a"}, Extra: 2}
	d.Rename("b")
	println(d.ID, d.Describe(), d.Base.ID)
	e := Deeper{Derived: &d, Level: 3}
	e.Rename("c")
	println(e.ID, e.Describe(), e.Extra, e.Level)
}
