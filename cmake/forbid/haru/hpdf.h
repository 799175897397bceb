#error "Layering: this target must not use libharu (see DESIGN.md section 2)"
