/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fw-core.h"
#include "fw-learn-page.h"
#include "fw-ui.h"

#define N_FLYWHEEL_STEPS (FW_N_STAGES + 1)

struct _FwLearnPage
{
  AdwBin      parent_instance;

  AdwLeaflet *leaflet;
  GtkWidget  *content;
  GtkStack   *stack;
  guint       n_topics;

  /* The winning pattern, told one stage at a time. */
  guint       step;
  GtkWidget  *flywheel_area;
  GtkLabel   *step_title;
  GtkLabel   *step_body;
  GtkLabel   *step_counter;
  GtkWidget  *back_button;
  GtkWidget  *next_button;
};

G_DEFINE_FINAL_TYPE (FwLearnPage, fw_learn_page, ADW_TYPE_BIN)

/* Building blocks: every page is a short column of these. */

static void
add_text (GtkWidget  *box,
          const char *text,
          const char *css_class)
{
  gtk_box_append (GTK_BOX (box), fw_ui_new_text (text, css_class));
}

/* A card: a bold title over a line or two of text. */
static void
add_card (GtkWidget  *box,
          const char *title,
          const char *body)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (inner, 14);
  gtk_widget_set_margin_bottom (inner, 14);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_end (inner, 18);
  gtk_box_append (GTK_BOX (inner), fw_ui_new_text (title, "heading"));
  if (body)
    gtk_box_append (GTK_BOX (inner), fw_ui_new_text (body, NULL));
  gtk_box_append (GTK_BOX (card), inner);
  gtk_box_append (GTK_BOX (box), card);
}

static void
add_row (GtkWidget  *list,
         const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* A topic page: a title, a one-line lead, then the body the caller fills in; the list
 * of topics shows @short_title when given (a long title would widen it). */
static GtkWidget *
add_topic_full (FwLearnPage *self,
                const char  *id,
                const char  *title,
                const char  *short_title,
                const char  *lead)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  add_text (box, title, "title-1");
  if (lead)
    add_text (box, lead, "title-4");
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_titled (self->stack, scroller, id, short_title ? short_title : title);
  self->n_topics++;
  return box;
}

static GtkWidget *
add_topic (FwLearnPage *self,
           const char  *id,
           const char  *title,
           const char  *lead)
{
  return add_topic_full (self, id, title, NULL, lead);
}

/* Deductive vs inductive: a small teaching drawing, only shown here. */

typedef struct
{
  cairo_t     *cr;
  PangoLayout *layout;
  GdkRGBA      fg;
  GdkRGBA      accent;
} Painter;

static void
draw_box (Painter    *p,
          double      x,
          double      y,
          double      w,
          double      h,
          const char *text,
          gboolean    filled)
{
  int tw, th;

  cairo_new_path (p->cr);
  cairo_rectangle (p->cr, x + 0.5, y + 0.5, w - 1, h - 1);
  if (filled)
    {
      cairo_set_source_rgba (p->cr, p->accent.red, p->accent.green, p->accent.blue, 0.18);
      cairo_fill_preserve (p->cr);
      gdk_cairo_set_source_rgba (p->cr, &p->accent);
    }
  else
    cairo_set_source_rgba (p->cr, p->fg.red, p->fg.green, p->fg.blue, 0.45);
  cairo_set_line_width (p->cr, 1.0);
  cairo_stroke (p->cr);

  pango_layout_set_width (p->layout, (int) ((w - 8) * PANGO_SCALE));
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, &tw, &th);
  gdk_cairo_set_source_rgba (p->cr, &p->fg);
  cairo_move_to (p->cr, x + 4, y + (h - th) / 2);
  pango_cairo_show_layout (p->cr, p->layout);
}

static void
draw_arrow (Painter *p,
            double   x1,
            double   x2,
            double   y)
{
  cairo_set_source_rgba (p->cr, p->fg.red, p->fg.green, p->fg.blue, 0.7);
  cairo_set_line_width (p->cr, 1.5);
  cairo_move_to (p->cr, x1, y);
  cairo_line_to (p->cr, x2 - 6, y);
  cairo_stroke (p->cr);
  cairo_move_to (p->cr, x2, y);
  cairo_line_to (p->cr, x2 - 8, y - 5);
  cairo_line_to (p->cr, x2 - 8, y + 5);
  cairo_close_path (p->cr);
  cairo_fill (p->cr);
}

static void
draw_heading (Painter    *p,
              double      x,
              double      y,
              double      w,
              const char *text)
{
  PangoFontDescription *bold = pango_font_description_from_string ("Bold");

  pango_layout_set_font_description (p->layout, bold);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_LEFT);
  pango_layout_set_width (p->layout, (int) (w * PANGO_SCALE));
  pango_layout_set_text (p->layout, text, -1);
  gdk_cairo_set_source_rgba (p->cr, &p->fg);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->layout);
  pango_layout_set_font_description (p->layout, NULL);
  pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
  pango_font_description_free (bold);
}

/* The height a box of width @w needs for @text: at least @least, and the text's
 * lines with room above and below, so a narrow window's wrapped words stay inside. */
static double
box_height (Painter    *p,
            double      w,
            double      least,
            const char *text)
{
  int th;

  pango_layout_set_width (p->layout, (int) ((w - 8) * PANGO_SCALE));
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, NULL, &th);
  return MAX (least, th + 10);
}

/* Two inputs (or one) → a process → an output, in a band from @y, as high as its
 * texts need; returns the band's height. Draws only when @p has a cairo context. */
static double
draw_flow (Painter    *p,
           double      width,
           double      y,
           const char *input1,
           const char *input2,
           const char *process,
           const char *output,
           gboolean    output_filled)
{
  double col = (width - 80) / 3;
  double h1 = box_height (p, col, 34, input1);
  double h2 = input2 ? box_height (p, col, 34, input2) : 0;
  double inputs = input2 ? h1 + 8 + h2 : h1;
  double band = MAX (inputs, box_height (p, col, 34, process));
  double ho = box_height (p, col, 34, output);
  double top;

  band = MAX (band, ho);
  top = y + (band - inputs) / 2;
  if (p->cr == NULL)
    return band;
  draw_box (p, 0, top, col, h1, input1, FALSE);
  if (input2)
    draw_box (p, 0, top + h1 + 8, col, h2, input2, FALSE);
  draw_arrow (p, col + 4, col + 36, y + band / 2);
  draw_box (p, col + 40, y, col, band, process, TRUE);
  draw_arrow (p, 2 * col + 44, 2 * col + 76, y + band / 2);
  draw_box (p, 2 * col + 80, y + (band - ho) / 2, col, ho, output, output_filled);
  return band;
}

/* A heading's height with the room under it, at @w. */
static double
heading_height (Painter    *p,
                double      w,
                const char *text)
{
  PangoFontDescription *bold = pango_font_description_from_string ("Bold");
  int th;

  pango_layout_set_font_description (p->layout, bold);
  pango_layout_set_width (p->layout, (int) (w * PANGO_SCALE));
  pango_layout_set_text (p->layout, text, -1);
  pango_layout_get_pixel_size (p->layout, NULL, &th);
  pango_layout_set_font_description (p->layout, NULL);
  pango_font_description_free (bold);
  return th + 8;
}

/* Lays out (and with a cairo context, draws) both ways at @width; returns the height
 * they take: 280 px when wide, more when the boxes' words wrap. */
static double
deduction_layout (Painter *p,
                  double   width)
{
  const char *deductive = _("Conventional software: deductive");
  const char *inductive = _("Machine learning: inductive");
  double y = 0;

  if (p->cr)
    draw_heading (p, 0, y, width, deductive);
  y += MAX (26, heading_height (p, width, deductive));
  y += draw_flow (p, width, y, _("Rules written by people"), _("Data"), _("Program"),
                  _("Answers"), FALSE);
  y += 22;
  if (p->cr)
    draw_heading (p, 0, y, width, inductive);
  y += MAX (26, heading_height (p, width, inductive));
  y += draw_flow (p, width, y, _("Past answers"), _("Past data"), _("Learning"), _("Model"),
                  TRUE);
  y += 14;
  y += draw_flow (p, width, y, _("New data"), NULL, _("Model"), _("Answers"), FALSE);
  return y + 6;
}

static PangoLayout *
new_painter_layout (GtkWidget *area)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (area, NULL);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
draw_deduction_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  Painter p = { cr, NULL, { 0 }, { 0.21, 0.52, 0.89, 1.0 } };

  gtk_style_context_get_color (style, &p.fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  p.layout = new_painter_layout (GTK_WIDGET (area));
  deduction_layout (&p, width);
  g_object_unref (p.layout);
}

static gboolean
set_content_height_idle (gpointer data)
{
  GtkDrawingArea *area = data;
  int needed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "fw-needed-height"));

  if (needed > 0 && needed != gtk_drawing_area_get_content_height (area))
    gtk_drawing_area_set_content_height (area, needed);
  return G_SOURCE_REMOVE;
}

/* The drawing's height follows its width: in a narrow window "Rules written by
 * people" takes three lines, and the boxes grow to hold them. */
static void
deduction_resize_cb (GtkDrawingArea *area,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  Painter p = { NULL, NULL, { 0 }, { 0 } };
  int needed;

  p.layout = new_painter_layout (GTK_WIDGET (area));
  needed = (int) ceil (deduction_layout (&p, width));
  g_object_unref (p.layout);
  /* Not while being allocated: GTK drops a resize queued from there. */
  if (needed != gtk_drawing_area_get_content_height (area))
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, set_content_height_idle,
                     g_object_ref (area), g_object_unref);
  g_object_set_data (G_OBJECT (area), "fw-needed-height", GINT_TO_POINTER (needed));
}

/* The winning pattern, step by step: the stages light up one at a time. */

/* Step 0 shows the whole cycle, every stage named, nothing lit yet; step n (1–4)
 * lights the stages up to n and the arcs between them; step 4 closes the loop. */
static void
draw_cycle (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            guint           step)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  Painter p = { cr, NULL, { 0 }, { 0.21, 0.52, 0.89, 1.0 } };

  gtk_style_context_get_color (style, &p.fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  double cx = width / 2.0, cy = height / 2.0;
  double bw = MIN (170.0, width * 0.34), bh = 52;
  /* An ellipse wide enough that the side boxes clear the hub's label. */
  double rx = MIN (width / 2.0 - bw / 2 - 4, bw / 2 + 110);
  double ry = height / 2.0 - bh / 2 - 8;
  /* Top, right, bottom, left: the deck's clockwise order. */
  static const double angles[] = { -G_PI / 2, 0, G_PI / 2, G_PI };
  /* How far an arc keeps from a box: the top and bottom boxes are wide. */
  static const double gaps[] = { 0.62, 0.38, 0.62, 0.38 };

  p.layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
  pango_layout_set_alignment (p.layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (p.layout, PANGO_WRAP_WORD_CHAR);

  /* An arc is drawn once the stage it leads to is shown; the last one, back to
   * the first stage, closes the loop. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      guint next = (s + 1) % FW_N_STAGES;
      double a1 = angles[s] + gaps[s];
      double a2 = angles[next] - gaps[next];
      gboolean shown = step > s + 1 || (step == FW_N_STAGES && next == 0);

      if (a2 < a1)
        a2 += 2 * G_PI;
      if (shown)
        gdk_cairo_set_source_rgba (cr, &p.accent);
      else
        cairo_set_source_rgba (cr, p.fg.red, p.fg.green, p.fg.blue, 0.15);
      cairo_new_path (cr);
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, rx, ry);
      cairo_arc (cr, 0, 0, 1, a1, a2);
      cairo_restore (cr);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
      /* Arrow head along the ellipse's tangent at the arc's end. */
      {
        double ex = cx + rx * cos (a2), ey = cy + ry * sin (a2);
        double tx = -rx * sin (a2), ty = ry * cos (a2);
        double len = sqrt (tx * tx + ty * ty);
        double nx, ny;

        tx /= len;
        ty /= len;
        nx = -ty;
        ny = tx;
        cairo_move_to (cr, ex + tx * 4, ey + ty * 4);
        cairo_line_to (cr, ex - tx * 8 + nx * 6, ey - ty * 8 + ny * 6);
        cairo_line_to (cr, ex - tx * 8 - nx * 6, ey - ty * 8 - ny * 6);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
    }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      double x = cx + rx * cos (angles[s]) - bw / 2;
      double y = cy + ry * sin (angles[s]) - bh / 2;
      g_autofree char *text = g_strdup_printf ("%u. %s", s + 1, fw_stage_short_label (s));

      /* A stage not reached yet is still named, so the cycle reads from the start. */
      draw_box (&p, x, y, bw, bh, text, step > s);
    }

  /* Growth at the hub once the loop has closed. */
  if (step == FW_N_STAGES)
    {
      PangoFontDescription *big = pango_font_description_from_string ("Bold 15");
      int tw, th;

      pango_layout_set_font_description (p.layout, big);
      pango_layout_set_width (p.layout, -1);
      pango_layout_set_text (p.layout, _("Growth"), -1);
      pango_layout_get_pixel_size (p.layout, &tw, &th);
      gdk_cairo_set_source_rgba (cr, &p.accent);
      cairo_move_to (cr, cx - tw / 2.0, cy - th / 2.0);
      pango_cairo_show_layout (cr, p.layout);
      pango_font_description_free (big);
    }
  g_object_unref (p.layout);
}

static void
draw_flywheel_cb (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  draw_cycle (area, cr, width, height, FW_LEARN_PAGE (user_data)->step);
}

static void
draw_whole_cycle_cb (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  draw_cycle (area, cr, width, height, FW_N_STAGES);
}

static void
update_step (FwLearnPage *self)
{
  static const char *titles[] = {
    N_("Four stages in a cycle"),
    N_("1. Machine learning improves the customer experience"),
    N_("2. Users and traffic grow"),
    N_("3. More traffic brings more data"),
    N_("4. More data improves the model"),
  };
  static const char *bodies[] = {
    N_("The winning pattern is four stages in a cycle, with growth at its hub. "
       "Press Next to follow one turn of the loop."),
    N_("Answers become faster, more accurate or more personal than before."),
    N_("A better experience brings new users and keeps the ones you have."),
    N_("Every use leaves data behind for the model to learn from."),
    N_("A better model improves the customer experience again: back to stage 1. Data "
       "accumulates faster than software is released, so ML improves the software "
       "quickly."),
  };
  g_autofree char *counter = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == N_FLYWHEEL_STEPS);
  G_STATIC_ASSERT (G_N_ELEMENTS (bodies) == N_FLYWHEEL_STEPS);

  gtk_label_set_text (self->step_title, _(titles[self->step]));
  gtk_label_set_text (self->step_body, _(bodies[self->step]));
  /* TRANSLATORS: the step of the winning-pattern walkthrough, e.g. "Step 2 of 4". */
  counter = self->step == 0 ? g_strdup ("")
                            : g_strdup_printf (_("Step %u of %u"), self->step, FW_N_STAGES);
  gtk_label_set_text (self->step_counter, counter);
  gtk_widget_set_sensitive (self->back_button, self->step > 0);
  gtk_widget_set_sensitive (self->next_button, self->step < FW_N_STAGES);
  gtk_widget_queue_draw (self->flywheel_area);
}

static void
back_clicked_cb (FwLearnPage *self)
{
  if (self->step > 0)
    self->step--;
  update_step (self);
}

static void
next_clicked_cb (FwLearnPage *self)
{
  if (self->step < FW_N_STAGES)
    self->step++;
  update_step (self);
}

/* The pages, in the deck's order. */

static void
build_why_ml (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "why-ml", _("Why machine learning?"),
                              _("To improve the customer experience quickly."));

  add_text (box, _("Software improves each time you ship a release. A model improves each "
                   "time it learns from new data — and data piles up much faster than "
                   "releases ship."), NULL);
  add_card (box, _("Data arrives faster than releases"),
            _("Every search, click and purchase is a new example to learn from. Software "
              "that learns from them keeps improving between releases."));
  add_card (box, _("What this workshop gives you"),
            _("You learn the winning pattern — where ML creates value — and how to spot it "
              "among your own user stories. Writing ML algorithms is not part of it."));
}

static void
build_ai_ml (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "ai-ml-dl", _("AI, ML, deep learning and generative AI"),
                              _("Machine learning is a kind of AI, deep learning a kind of "
                                "machine learning, and generative AI one use of deep "
                                "learning."));
  GtkWidget *list = fw_ui_new_boxed_list ();

  add_row (list, _("Artificial intelligence (AI)"),
           _("Every technique that lets a computer make intelligent judgements: logic, "
             "if-then rules and machine learning."), NULL);
  add_row (list, _("Machine learning (ML)"),
           _("A kind of AI that learns tendencies from data to build a model."), NULL);
  add_row (list, _("Deep learning (DL)"),
           _("A kind of ML that uses deep, many-layered neural networks, for tasks such as "
             "speech and image recognition."), NULL);
  add_row (list, _("Generative AI"),
           _("A use of deep learning: models with hundreds of billions of parameters, "
             "trained on terabytes of data, that generate human-like text and images "
             "without additional training."), NULL);
  gtk_box_append (GTK_BOX (box), list);
}

static void
build_deduction (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "deductive-inductive", _("Rules or examples?"),
                              _("Conventional software is deductive; machine learning is "
                                "inductive."));
  GtkWidget *area = gtk_drawing_area_new ();

  add_text (box, _("In conventional software, people write the rules and the program applies "
                   "them to data to produce answers."), NULL);
  add_text (box, _("In machine learning, you give past data together with its past answers, "
                   "and a model learns the rules. The model then turns new data into "
                   "answers."), NULL);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 280);
  /* Narrow enough for a 360 px window; the drawing spreads out when wider. */
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 300);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_deduction_cb, NULL, NULL);
  gtk_widget_set_name (area, "deduction-drawing");
  g_signal_connect (area, "resize", G_CALLBACK (deduction_resize_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Deductive: rules written by people and data go into a "
                                    "program, which gives answers. Inductive: past answers "
                                    "and past data are learned into a model, which turns new "
                                    "data into answers."), -1);
  gtk_box_append (GTK_BOX (box), area);
  add_card (box, _("When it matters"),
            _("When the rules are too complex to write down, or keep changing, learning "
              "them from examples is the faster way."));
}

static void
build_benefits (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "benefits", _("Four benefits of machine learning"), NULL);

  add_card (box, _("Ease of implementation"),
            _("Calculations can be built without knowing a programming language: the model "
              "learns them from data."));
  add_card (box, _("Fast computation"),
            _("A model is mostly matrix maths, which GPUs run fast."));
  add_card (box, _("High accuracy"),
            _("In some fields, such as image and speech recognition, it beats conventional "
              "software."));
  add_card (box, _("Portability"),
            _("A model runs anywhere its runtime is available."));
}

static void
build_tasks (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "tasks", _("Six ML tasks"),
                              _("The deck's common tasks of ML models, each with a use case "
                                "and an example."));
  GtkWidget *list = fw_ui_new_boxed_list ();

  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    {
      /* TRANSLATORS: a task's description, a line break, then an example of its use. */
      g_autofree char *subtitle = g_strdup_printf (_("%s\nExample: %s"),
                                                   fw_task_description (t),
                                                   fw_task_example (t));

      add_row (list, fw_task_label (t), subtitle, NULL);
    }
  gtk_box_append (GTK_BOX (box), list);
  add_text (box, _("Test yourself with the knowledge check: which task fits each of five use "
                   "cases — and is there another way?"), "dim-label");
}

static void
build_winning_pattern (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "winning-pattern", _("The winning pattern"),
                              _("ML improves the experience, which brings users, who bring "
                                "data, which improves the model."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *list = fw_ui_new_boxed_list ();
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 320);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_flywheel_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The winning pattern: the customer experience improves, "
                                    "users and traffic grow, data grows, the model improves, "
                                    "and the loop begins again."), -1);
  self->flywheel_area = area;
  gtk_box_append (GTK_BOX (box), area);

  self->step_counter = GTK_LABEL (fw_ui_new_text ("", "dim-label"));
  self->step_title = GTK_LABEL (fw_ui_new_text ("", "title-3"));
  self->step_body = GTK_LABEL (fw_ui_new_text ("", NULL));
  gtk_label_set_lines (self->step_body, 3);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_counter));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->step_body));

  self->back_button = gtk_button_new_with_mnemonic (_("_Back"));
  self->next_button = gtk_button_new_with_mnemonic (_("_Next"));
  gtk_widget_set_name (self->back_button, "flywheel-back");
  gtk_widget_set_name (self->next_button, "flywheel-next");
  gtk_widget_add_css_class (self->next_button, "suggested-action");
  gtk_widget_add_css_class (self->back_button, "pill");
  gtk_widget_add_css_class (self->next_button, "pill");
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (next_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->back_button);
  gtk_box_append (GTK_BOX (buttons), self->next_button);
  gtk_box_append (GTK_BOX (box), buttons);

  add_text (box, _("Ask these four questions of every case"), "heading");
  for (guint s = 0; s < FW_N_STAGES; s++)
    add_row (list, fw_stage_question (s), NULL, NULL);
  gtk_box_append (GTK_BOX (box), list);

  /* The deck's examples, each with why its loop turns. */
  add_text (box, _("Cases where the winning pattern took hold"), "heading");
  add_card (box, _("Uber Eats: delivery-time prediction"),
            _("ML predicts delivery times. The more accurate the times, the better the "
              "customer experience; the better the experience, the more users, who bring "
              "more data, which makes the times more accurate still."));
  add_card (box, _("Spotify: playlist recommendations (Enhance)"),
            _("ML personalises playlists. Adding songs you like with + brings recommendations "
              "closer to your taste; the closer they are, the more the feature is used, "
              "which brings more data and more accurate recommendations."));
  add_card (box, _("iRobot: data from cleaning robots"),
            _("The more data its cleaning robots collect, the more iRobot can improve the "
              "customer experience with new products and features."));

  update_step (self);
}

static void
build_conditions (FwLearnPage *self)
{
  GtkWidget *box = add_topic_full (self, "conditions",
                                   _("Conditions that favour a win or lead to a loss"),
                                   _("Conditions for a win or a loss"),
                                   _("Some conditions make the loop likely to turn; others "
                                     "make it likely to stall."));
  GtkWidget *win = fw_ui_new_boxed_list ();
  GtkWidget *lose = fw_ui_new_boxed_list ();

  add_text (box, _("Conditions that favour a win"), "heading");
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    add_row (fw_condition_is_win (c) ? win : lose, fw_condition_label (c),
             fw_condition_description (c),
             fw_condition_is_win (c) ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_box_append (GTK_BOX (box), win);
  add_text (box, _("Conditions that lead to a loss"), "heading");
  gtk_box_append (GTK_BOX (box), lose);
  add_card (box, _("A rule of Flywheel's own, not the deck's"),
            /* xgettext:no-c-format */
            _("The deck accepts a missing explanation when a person makes the final "
              "decision. Flywheel also lets a human fallback lift “100% accuracy "
              "required”: where the model is unsure, a person gives the answer. This is "
              "Flywheel's rule; judge whether it fits your feature."));
}

static void
build_losing_pattern (FwLearnPage *self)
{
  static const char *examples[] = {
    N_("Users are not satisfied unless the accuracy is close to 100%."),
    N_("ML is used in a feature nobody would miss."),
    N_("The data is not collected, or the terms of service forbid using it."),
    N_("The existing software already performs well enough."),
  };
  GtkWidget *box = add_topic (self, "losing-pattern", _("The losing pattern"),
                              _("The loop can break at any of its four stages."));
  GtkWidget *list = fw_ui_new_boxed_list ();

  G_STATIC_ASSERT (G_N_ELEMENTS (examples) == FW_N_STAGES);

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      /* TRANSLATORS: a stage, then how the loop breaks there, e.g. "Data: Data does
       * not accumulate". */
      g_autofree char *title = g_strdup_printf (_("%s: %s"), fw_stage_label (s),
                                                fw_stage_losing_case (s));

      add_row (list, title, _(examples[s]), "process-stop-symbolic");
    }
  gtk_box_append (GTK_BOX (box), list);
  add_text (box, _("When one stage breaks, the whole loop stops: check each of the four."),
            "dim-label");
}

static void
build_explainability (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "explainability", _("Explainability"),
                              _("Some models can explain their answers; many cannot."));
  GtkWidget *models = fw_ui_new_boxed_list ();
  GtkWidget *advice = fw_ui_new_boxed_list ();
  GtkWidget *not_ok = fw_ui_new_boxed_list ();
  GtkWidget *ok = fw_ui_new_boxed_list ();

  add_row (models, _("Simple model"),
           _("A decision tree, for example: you can follow how it reached an answer."),
           NULL);
  add_row (models, _("Complex model"),
           _("Often more accurate, but how it reached an answer is hard to see."), NULL);
  gtk_box_append (GTK_BOX (box), models);
  add_text (box, _("Explainability and accuracy usually trade off. Keep in mind how the "
                   "model will be used and how much explanation it needs."), NULL);

  add_row (advice, _("Start with a simple model"),
           _("Its results are easy to understand, and it is quick to build."), NULL);
  add_row (advice, _("Set a baseline that means something to the business"),
           _("Then judge whether you really need state-of-the-art accuracy."), NULL);
  gtk_box_append (GTK_BOX (box), advice);

  add_text (box, _("When a missing explanation is not acceptable"), "heading");
  add_row (not_ok, _("A customer must be told why their loan application was refused."),
           NULL, "process-stop-symbolic");
  add_row (not_ok, _("You must explain why a transaction was judged fraudulent."), NULL,
           "process-stop-symbolic");
  gtk_box_append (GTK_BOX (box), not_ok);

  add_text (box, _("When it is acceptable"), "heading");
  add_row (ok, _("A wrong answer costs little, such as the order in which items are shown."),
           NULL, "emblem-ok-symbolic");
  add_row (ok, _("A person makes the final decision."), NULL, "emblem-ok-symbolic");
  gtk_box_append (GTK_BOX (box), ok);
}

static void
build_uncertainty (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "uncertainty", _("Uncertainty"),
                              _("A model predicts from past data, with probabilities."));

  add_text (box, _("Its predictions need not match a person's judgement, and the mistakes it "
                   "makes need not be the mistakes a person makes."), NULL);
  add_card (box, _("Which is the dog, and which the bread?"),
            _("In the deck's photos, curled-up puppies and loaves of bread look alike. Its "
              "point: the tendency of a model to make mistakes need not match the tendency "
              "of a person to make them."));
  add_card (box, _("Ask of every idea"),
            _("Is it acceptable that the model errs where a person would not? If not, plan "
              "for a person to check its answers, or for a fallback."));
}

static void
build_homework (FwLearnPage *self)
{
  GtkWidget *box = add_topic (self, "homework", _("The homework"),
                              _("Collect best-practice cases that could apply to your "
                                "product."));
  GtkWidget *list = fw_ui_new_boxed_list ();

  add_row (list, _("1. List two to six best-practice cases"),
           _("Cases that could apply to your product: from other companies, or already "
             "done in your own company."), NULL);
  add_row (list, _("2. Discuss them in your team"),
           _("Why does the winning pattern hold for each? Answer the four questions."), NULL);
  add_row (list, _("3. Summarise and present"),
           _("Put them on the worksheet and share the results."), NULL);
  gtk_box_append (GTK_BOX (box), list);
  add_text (box, _("In the next session you prioritise the cases and check whether the "
                   "winning pattern holds in your own company."), "dim-label");
}

/* 理解編の復習: the deck's closing summary of the session, in its three parts. */
static void
build_review (FwLearnPage *self)
{
  GtkWidget *box = add_topic_full (self, "review", _("Review of the Understanding session"),
                                   _("Review"), NULL);
  GtkWidget *area = gtk_drawing_area_new ();

  add_card (box, _("Q: Why do we need to work on machine learning?"),
            _("A: To improve the customer experience quickly."));
  add_card (box, _("The winning pattern of machine learning"),
            _("A better customer experience brings more users, more users bring more data, "
              "more data makes the model more accurate, and a more accurate model improves "
              "the customer experience: the cycle turns."));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 260);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_whole_cycle_cb, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The winning pattern: the customer experience improves, "
                                    "users and traffic grow, data grows, the model improves, "
                                    "and the loop begins again."), -1);
  gtk_box_append (GTK_BOX (box), area);
  add_card (box, _("The character of machine learning"),
            /* xgettext:no-c-format */
            _("A technique that builds its processing inductively from data. It can solve "
              "complex logic with high accuracy, but it does not suit situations that demand "
              "explainability or 100% accuracy."));
}

static void
stack_child_cb (FwLearnPage *self)
{
  /* Folded, choosing a topic in the list opens it. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
topics_clicked_cb (FwLearnPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
fw_learn_page_class_init (FwLearnPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_css_name (widget_class, "fwlearnpage");
}

static void
fw_learn_page_init (FwLearnPage *self)
{
  GtkWidget *leaflet = adw_leaflet_new ();
  GtkWidget *sidebar = gtk_stack_sidebar_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *topics = gtk_button_new ();
  GtkWidget *topics_content = adw_button_content_new ();

  self->stack = GTK_STACK (stack);
  self->leaflet = ADW_LEAFLET (leaflet);
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_hexpand (stack, TRUE);
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_stack_sidebar_set_stack (GTK_STACK_SIDEBAR (sidebar), self->stack);
  gtk_widget_set_size_request (sidebar, 200, -1);
  gtk_widget_set_name (sidebar, "learn-topics");
  gtk_widget_set_hexpand (sidebar, FALSE);

  build_why_ml (self);
  build_ai_ml (self);
  build_deduction (self);
  build_benefits (self);
  build_tasks (self);
  build_winning_pattern (self);
  build_conditions (self);
  build_losing_pattern (self);
  build_explainability (self);
  build_uncertainty (self);
  build_homework (self);
  build_review (self);

  /* In a narrow window (down to 360 px) the topics and the topic take turns. */
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->content, TRUE);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (topics_content), "go-previous-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (topics_content), _("Topics"));
  gtk_button_set_child (GTK_BUTTON (topics), topics_content);
  gtk_widget_set_name (topics, "learn-back-to-topics");
  gtk_widget_add_css_class (topics, "flat");
  gtk_widget_set_halign (topics, GTK_ALIGN_START);
  gtk_widget_set_margin_start (topics, 6);
  gtk_widget_set_margin_top (topics, 6);
  g_object_bind_property (leaflet, "folded", topics, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (topics, "clicked", G_CALLBACK (topics_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->content), topics);
  gtk_box_append (GTK_BOX (self->content), stack);

  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_fold_threshold_policy (self->leaflet, ADW_FOLD_THRESHOLD_POLICY_MINIMUM);
  adw_leaflet_append (self->leaflet, sidebar);
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, separator), FALSE);
  adw_leaflet_append (self->leaflet, self->content);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  g_signal_connect_swapped (stack, "notify::visible-child", G_CALLBACK (stack_child_cb), self);
  adw_bin_set_child (ADW_BIN (self), leaflet);
}

GtkWidget *
fw_learn_page_new (void)
{
  return g_object_new (FW_TYPE_LEARN_PAGE, NULL);
}

guint
fw_learn_page_get_n_topics (FwLearnPage *self)
{
  g_return_val_if_fail (FW_IS_LEARN_PAGE (self), 0);
  return self->n_topics;
}

void
fw_learn_page_show_topic (FwLearnPage *self,
                          const char  *id)
{
  g_return_if_fail (FW_IS_LEARN_PAGE (self));
  g_return_if_fail (id != NULL);

  if (gtk_stack_get_child_by_name (self->stack, id))
    {
      gtk_stack_set_visible_child_name (self->stack, id);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
}
