package main

type Counter struct {
	n    int
	name string
}

func (c *Counter) Inc()        { c.n++ }
func (c Counter) Get() int     { return c.n }
func (c Counter) Label() string { return c.name + "!" }

type Celsius float64

func (c Celsius) F() float64 { return float64(c)*9/5 + 32 }

type IntList []int

func (l IntList) Sum() int {
	s := 0
	for _, v := range l {
		s += v
	}
	return s
}

func (l *IntList) Add(v int) { *l = append(*l, v) }

func main() {
	c := Counter{name: "c"}
	c.Inc()
	c.Inc()
	println(c.Get(), c.Label())
	p := &c
	p.Inc()
	println(p.Get(), c.n)
	inc := c.Inc
	inc()
	inc()
	get := c.Get
	c.Inc()
	println(get(), c.Get())
	println(Celsius(100).F(), Celsius(-40).F())
	var l IntList
	l.Add(1)
	l.Add(2)
	l.Add(39)
	println(l.Sum(), len(l))
	f := (*Counter).Inc
	f(&c)
	println(c.n)
}
