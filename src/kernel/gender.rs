//! Gender, as the register records it and as an ID number encodes it (an odd sequence digit is
//! male). It is here, not in the register, because the ID-number check needs it too and must
//! not depend on the register that uses it.

use crate::kernel::choice::choice;

choice! {
    Gender {
        Male = "male" / "gender-male" ["男", "m", "M"],
        Female = "female" / "gender-female" ["女", "f", "F"],
    }
}
