#error "Layering: this target must not use wxWidgets (see DESIGN.md section 2)"
