/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FW_DIAGRAM_THEME_LIGHT,
  FW_DIAGRAM_THEME_DARK,
} FwDiagramTheme;

typedef struct
{
  double red, green, blue, alpha;
} FwColor;

/* How the flywheel looks: colours follow libadwaita 1.2's named colours so the
 * diagram sits well in the app, in slides and in print. A plain struct: copy it
 * by value, compare with fw_diagram_style_equal(). */
typedef struct
{
  FwDiagramTheme  theme;
  FwColor         background;   /* window_bg */
  FwColor         foreground;   /* window_fg */
  FwColor         dim;          /* secondary text */
  FwColor         card;         /* card_bg: nodes and labels */
  FwColor         border;       /* card borders */
  FwColor         accent_bg;    /* the hub */
  FwColor         on_accent;    /* text on accent_bg and on badges */
  FwColor         unanswered;
  FwColor         weak;
  FwColor         holds;
  FwColor         strong;
  FwColor         broken;
  FwColor         neutral;      /* a case's arcs, the incomplete badge */
  const char     *font_family;  /* a Pango family list (static string), or NULL:
                                 * chosen by language, see get_family() */
  double          font_scale;   /* 1.0: the default size for the canvas */
  double          min_font_size;/* body text never smaller (device units); 0: 8 */
  gboolean        show_legend;
} FwDiagramStyle;

void      fw_diagram_style_init          (FwDiagramStyle       *style,
                                          FwDiagramTheme        theme);
/* The Pango family list to draw text of @language (NULL: the current one). */
const char *fw_diagram_style_get_family (const FwDiagramStyle *style,
                                         const char           *language);
gboolean  fw_diagram_style_equal         (const FwDiagramStyle *a,
                                          const FwDiagramStyle *b);
/* The body text size in device units for a canvas of @width × @height: text
 * grows with the canvas, within readable limits. */
double    fw_diagram_style_font_size     (const FwDiagramStyle *style,
                                          double                width,
                                          double                height);
gboolean  fw_diagram_theme_from_id       (const char           *id,
                                          FwDiagramTheme       *theme);
void      fw_color_set_source            (const FwColor        *color,
                                          cairo_t              *cr);
void      fw_color_set_source_alpha      (const FwColor        *color,
                                          cairo_t              *cr,
                                          double                alpha);

G_END_DECLS
