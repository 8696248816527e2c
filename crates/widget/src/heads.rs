//! The head drawings of the pattern picker as data: for each pattern, a
//! top view of a head (face at the top) with its hairline and the areas
//! its hair loss affects. Pure, so that native tests can check that every
//! stage reads apart from its neighbours at phone size; the component
//! (`components/illustration.rs`) turns it into inline SVG.

use smp_engine::number::show;
use smp_engine::Pattern;

/// What a shape shows on the scalp.
#[derive(Clone, Copy, PartialEq)]
pub enum Mark {
    /// Bare scalp.
    Bald,
    /// Thinning hair: scalp shows through.
    Thin,
    /// A scar.
    Scar,
}

/// An ellipse in the 100 × 120 drawing: centre x, centre y, radii.
#[derive(Clone, Copy)]
pub struct Shape(pub Mark, pub f32, pub f32, pub f32, pub f32);

use Mark::{Bald, Scar, Thin};

/// Where the hair begins at the front, in the drawing's units: `front` on
/// the midline, `temple` at the temples (deeper than `front` is the M of a
/// receding hairline). The bare forehead in front of it, with the nose, is
/// what tells the face side from the back at phone size.
#[derive(Clone, Copy)]
pub struct Hairline {
    pub front: f32,
    pub temple: f32,
}

/// A hairline where nothing has receded (women keep theirs).
const KEPT: Option<Hairline> = Some(Hairline {
    front: 22.0,
    temple: 24.0,
});

const fn hairline(front: f32, temple: f32) -> Option<Hairline> {
    Some(Hairline { front, temple })
}

/// Each pattern seen from above with the face at the top: its hairline
/// (none where the bare area reaches past it) and its affected areas. The
/// head is an ellipse centred at (50, 62) with radii 38 and 50. Stages
/// differ in the hairline's shape and depth, the crown's size and the band
/// of hair left between them, so that each reads at about 40 px.
pub fn drawing(pattern: Pattern) -> (Option<Hairline>, &'static [Shape]) {
    match pattern {
        Pattern::Norwood1 => (KEPT, &[]),
        Pattern::Norwood2 => (hairline(24.0, 37.0), &[]),
        Pattern::Norwood2a => (hairline(35.0, 37.0), &[]),
        Pattern::Norwood3 => (hairline(27.0, 45.0), &[]),
        Pattern::Norwood3a => (hairline(40.0, 46.0), &[]),
        Pattern::Norwood3v => (hairline(27.0, 45.0), &[Shape(Bald, 50.0, 82.0, 9.0, 9.0)]),
        Pattern::Norwood4 => (hairline(33.0, 49.0), &[Shape(Bald, 50.0, 82.0, 13.0, 13.0)]),
        Pattern::Norwood4a => (hairline(50.0, 54.0), &[]),
        Pattern::Norwood5 => (hairline(40.0, 53.0), &[Shape(Bald, 50.0, 80.0, 18.0, 17.0)]),
        Pattern::Norwood5a => (hairline(62.0, 64.0), &[]),
        // The bridge is gone: one bare area from the forehead to the crown,
        // a wide horseshoe of hair left at VI and a thin, low one at VII.
        Pattern::Norwood6 => (None, &[Shape(Bald, 50.0, 46.0, 27.0, 36.0)]),
        Pattern::Norwood7 => (None, &[Shape(Bald, 50.0, 50.0, 32.0, 44.0)]),
        Pattern::Ludwig1 => (KEPT, &[Shape(Thin, 50.0, 50.0, 9.0, 24.0)]),
        Pattern::Ludwig2 => (KEPT, &[Shape(Thin, 50.0, 52.0, 17.0, 30.0)]),
        Pattern::Ludwig3 => (
            KEPT,
            &[
                Shape(Thin, 50.0, 52.0, 26.0, 36.0),
                Shape(Bald, 50.0, 50.0, 12.0, 24.0),
            ],
        ),
        Pattern::Diffuse => (KEPT, &[Shape(Thin, 50.0, 63.0, 36.0, 43.0)]),
        Pattern::AlopeciaAreata => (
            KEPT,
            &[
                Shape(Bald, 36.0, 48.0, 7.0, 7.0),
                Shape(Bald, 63.0, 72.0, 9.0, 8.0),
                Shape(Bald, 44.0, 92.0, 5.0, 5.0),
            ],
        ),
        Pattern::AlopeciaTotalis => (None, &[Shape(Bald, 50.0, 62.0, 38.0, 50.0)]),
        Pattern::ScarOnly => (KEPT, &[Shape(Scar, 50.0, 103.0, 24.0, 2.5)]),
    }
}

/// The bare forehead in front of `line`, as a path for the head's clip:
/// from the sides in to each temple, then one curve through the midline.
pub fn forehead(line: Hairline) -> String {
    let Hairline { front, temple } = line;
    let side = temple.min(30.0);
    // A quadratic through (50, front) between the temples has its control
    // point at twice the depth.
    let middle = 2.0 * front - temple;
    let n = |value: f32| show(f64::from(value));
    format!(
        "M0 0V{side}Q14 {side} 28 {temple}Q50 {middle} 72 {temple}Q86 {side} 100 {side}V0Z",
        side = n(side),
        temple = n(temple),
        middle = n(middle),
    )
}

#[cfg(test)]
mod tests {
    use super::{drawing, Hairline, Mark, Pattern, Shape};

    /// What a point of the drawing shows.
    #[derive(Clone, Copy, PartialEq, Debug)]
    enum Seen {
        Outside,
        Hair,
        Bare,
        Thin,
        Scar,
    }

    /// The hairline's height at `x`: the path of `forehead` is three
    /// quadratics whose control points sit halfway along x, so x runs
    /// linearly in each and the height follows from one parameter.
    fn hairline_y(line: Hairline, x: f32) -> f32 {
        let Hairline { front, temple } = line;
        let side = temple.min(30.0);
        let middle = 2.0 * front - temple;
        let quad = |a: f32, c: f32, b: f32, t: f32| {
            (1.0 - t).powi(2) * a + 2.0 * t * (1.0 - t) * c + t * t * b
        };
        if x < 28.0 {
            quad(side, side, temple, x / 28.0)
        } else if x <= 72.0 {
            quad(temple, middle, temple, (x - 28.0) / 44.0)
        } else {
            quad(temple, side, side, (100.0 - x) / 28.0)
        }
    }

    fn inside(x: f32, y: f32, (cx, cy, rx, ry): (f32, f32, f32, f32)) -> bool {
        ((x - cx) / rx).powi(2) + ((y - cy) / ry).powi(2) <= 1.0
    }

    fn seen(pattern: Pattern, x: f32, y: f32) -> Seen {
        if !inside(x, y, (50.0, 62.0, 38.0, 50.0)) {
            return Seen::Outside;
        }
        let (line, marks) = drawing(pattern);
        let mut shown = match line {
            Some(line) if y < hairline_y(line, x) => Seen::Bare,
            _ => Seen::Hair,
        };
        for &Shape(mark, cx, cy, rx, ry) in marks {
            if inside(x, y, (cx, cy, rx, ry)) {
                shown = match mark {
                    Mark::Bald => Seen::Bare,
                    Mark::Thin => Seen::Thin,
                    Mark::Scar => Seen::Scar,
                };
            }
        }
        shown
    }

    /// The drawing on a grid of one unit (100 × 120 cells).
    fn grid(pattern: Pattern) -> Vec<Vec<Seen>> {
        (0..120)
            .map(|y| {
                (0..100)
                    .map(|x| seen(pattern, x as f32 + 0.5, y as f32 + 0.5))
                    .collect()
            })
            .collect()
    }

    /// The share of the head that shows bare scalp.
    fn bare(pattern: Pattern) -> f64 {
        let cells = grid(pattern).concat();
        let head = cells.iter().filter(|&&s| s != Seen::Outside).count();
        cells.iter().filter(|&&s| s == Seen::Bare).count() as f64 / head as f64
    }

    /// How many separate bare areas the drawing shows (4-connected), not
    /// counting slivers of under 20 cells (about 3 pixels at phone size)
    /// where the hairline meets the head's outline.
    fn bare_areas(pattern: Pattern) -> usize {
        let mut cells = grid(pattern);
        let mut areas = 0;
        for y in 0..120 {
            for x in 0..100 {
                if cells[y][x] != Seen::Bare {
                    continue;
                }
                let mut size = 0;
                let mut todo = vec![(x, y)];
                while let Some((x, y)) = todo.pop() {
                    if cells[y][x] != Seen::Bare {
                        continue;
                    }
                    size += 1;
                    cells[y][x] = Seen::Outside;
                    if x > 0 {
                        todo.push((x - 1, y));
                    }
                    if x < 99 {
                        todo.push((x + 1, y));
                    }
                    if y > 0 {
                        todo.push((x, y - 1));
                    }
                    if y < 119 {
                        todo.push((x, y + 1));
                    }
                }
                if size >= 20 {
                    areas += 1;
                }
            }
        }
        areas
    }

    /// At phone size (about 40 px wide) a head is some 1,000 pixels; 4% of
    /// it is a difference of about 40 pixels, a clearly different shape.
    const APART: f64 = 0.04;

    #[test]
    fn each_norwood_stage_shows_clearly_more_bare_scalp_than_the_one_before() {
        use Pattern::*;
        for line in [
            &[
                Norwood1, Norwood2, Norwood3, Norwood3v, Norwood4, Norwood5, Norwood6, Norwood7,
            ][..],
            &[
                Norwood2, Norwood2a, Norwood3a, Norwood4a, Norwood5a, Norwood6,
            ],
        ] {
            for pair in line.windows(2) {
                let (before, after) = (bare(pair[0]), bare(pair[1]));
                assert!(
                    after - before >= APART,
                    "{:?} ({before:.3}) and {:?} ({after:.3}) are too alike",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn a_receding_hairline_is_one_bare_area_and_a_crown_a_second() {
        use Pattern::*;
        for (pattern, areas) in [
            (Norwood1, 1),
            (Norwood2, 1),
            (Norwood2a, 1),
            (Norwood3, 1),
            (Norwood3a, 1),
            (Norwood3v, 2),
            (Norwood4, 2),
            (Norwood4a, 1),
            (Norwood5, 2),
            (Norwood5a, 1),
            (Norwood6, 1),
            (Norwood7, 1),
        ] {
            assert_eq!(bare_areas(pattern), areas, "{pattern:?}");
        }
    }

    #[test]
    fn the_face_side_is_bare_forehead_and_the_back_has_hair() {
        for pattern in Pattern::all() {
            if pattern == Pattern::AlopeciaTotalis {
                assert_eq!(bare(pattern), 1.0);
                continue;
            }
            assert_eq!(seen(pattern, 50.0, 15.0), Seen::Bare, "{pattern:?}: front");
            assert_eq!(seen(pattern, 50.0, 109.0), Seen::Hair, "{pattern:?}: back");
        }
        // Norwood VII keeps a band at the back, thinner than VI's.
        let band = |pattern| {
            (0..120)
                .rev()
                .take_while(|&y| seen(pattern, 50.0, y as f32 + 0.5) != Seen::Bare)
                .count()
        };
        assert!(band(Pattern::Norwood6) >= band(Pattern::Norwood7) + 6);
        assert!(band(Pattern::Norwood7) >= 10);
    }

    #[test]
    fn thinning_and_scars_show_as_such() {
        assert_eq!(seen(Pattern::Ludwig1, 50.0, 50.0), Seen::Thin);
        assert_eq!(seen(Pattern::Ludwig3, 50.0, 50.0), Seen::Bare);
        assert_eq!(seen(Pattern::Diffuse, 30.0, 70.0), Seen::Thin);
        assert_eq!(seen(Pattern::ScarOnly, 50.0, 103.0), Seen::Scar);
    }
}
