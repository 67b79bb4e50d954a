// structvec: a ring of particles on springs — small structs of float64
// passed and returned by value, updated through pointers, with methods on
// both kinds of receiver.
package main

const (
	particles = 1000
	steps     = 50000
	stiffness = 0.5
	coupling  = 2.0
	dt        = 0.001
)

type Vec struct{ X, Y, Z float64 }

type Particle struct {
	Pos, Vel Vec
	Mass     float64
}

// Add returns a + b.
func (a Vec) Add(b Vec) Vec { return Vec{a.X + b.X, a.Y + b.Y, a.Z + b.Z} }

// Sub returns a - b.
func (a Vec) Sub(b Vec) Vec { return Vec{a.X - b.X, a.Y - b.Y, a.Z - b.Z} }

// Scale returns a·s.
func (a Vec) Scale(s float64) Vec { return Vec{a.X * s, a.Y * s, a.Z * s} }

// Dot returns the dot product of a and b.
func (a Vec) Dot(b Vec) float64 { return a.X*b.X + a.Y*b.Y + a.Z*b.Z }

// AddScaled adds b·s to *a in place.
func (a *Vec) AddScaled(b Vec, s float64) {
	a.X += b.X * s
	a.Y += b.Y * s
	a.Z += b.Z * s
}

// force returns the spring force on p: towards the origin and towards its
// neighbours a and b.
func force(p, a, b *Particle) Vec {
	pull := a.Pos.Add(b.Pos).Sub(p.Pos.Scale(2))
	return p.Pos.Scale(-stiffness).Add(pull.Scale(coupling))
}

// step advances every particle by one time step (symplectic Euler).
func step(ps []Particle) {
	for i := range ps {
		prev, next := i-1, i+1
		if prev < 0 {
			prev = len(ps) - 1
		}
		if next == len(ps) {
			next = 0
		}
		p := &ps[i]
		p.Vel.AddScaled(force(p, &ps[prev], &ps[next]), dt/p.Mass)
	}
	for i := range ps {
		ps[i].Pos.AddScaled(ps[i].Vel, dt)
	}
}

// energy returns the kinetic energy plus the potential energy of the
// springs to the origin and between neighbours.
func energy(ps []Particle) float64 {
	e := 0.0
	for i := range ps {
		p := ps[i]
		d := ps[(i+1)%len(ps)].Pos.Sub(p.Pos)
		e += 0.5*p.Mass*p.Vel.Dot(p.Vel) + 0.5*stiffness*p.Pos.Dot(p.Pos) + 0.5*coupling*d.Dot(d)
	}
	return e
}

func main() {
	ps := make([]Particle, particles)
	for i := range ps {
		f := float64(i)
		ps[i] = Particle{
			Pos:  Vec{f / particles, float64(i%7) - 3, float64(i%13) * 0.25},
			Vel:  Vec{0, float64(i%5) * 0.1, -0.2},
			Mass: 1 + float64(i%3),
		}
	}
	println("energy before", energy(ps))
	for s := 0; s < steps; s++ {
		step(ps)
	}
	println("energy after ", energy(ps))
}
