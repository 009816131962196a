/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fw-presentation.h"
#include "fw-report.h"

typedef struct
{
  FwWorkbook  *workbook;
  FwSlides    *slides;
  GtkWidget   *area;
  guint        index;
  gboolean     dark;
} Presentation;

static void
presentation_free (Presentation *self)
{
  g_clear_pointer (&self->slides, fw_slides_free);
  g_clear_object (&self->workbook);
  g_free (self);
}

static void
make_slides (Presentation *self)
{
  FwDiagramStyle style;

  fw_diagram_style_init (&style, self->dark ? FW_DIAGRAM_THEME_DARK : FW_DIAGRAM_THEME_LIGHT);
  /* Slides are read from across a room: larger text than on the canvas. */
  style.font_scale = 1.3;
  g_clear_pointer (&self->slides, fw_slides_free);
  self->slides = fw_slides_new (self->workbook, &style);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  Presentation *self = user_data;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *counter = NULL;
  guint n = fw_slides_get_n_slides (self->slides);
  int w, h;

  fw_slides_draw (self->slides, cr, self->index, width, height);

  counter = g_strdup_printf ("%u / %u", self->index + 1, n);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), counter);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgba (cr, self->dark ? 1 : 0, self->dark ? 1 : 0, self->dark ? 1 : 0, 0.45);
  cairo_move_to (cr, width - w - 16, height - h - 12);
  pango_cairo_show_layout (cr, layout);
}

static void
go_to (Presentation *self,
       int           index)
{
  int n = fw_slides_get_n_slides (self->slides);

  index = CLAMP (index, 0, n - 1);
  if ((guint) index == self->index)
    return;
  self->index = index;
  gtk_widget_queue_draw (self->area);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  Presentation *self = user_data;
  GtkWidget *window = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_n:
      go_to (self, self->index + 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_p:
      go_to (self, (int) self->index - 1);
      return TRUE;
    case GDK_KEY_Home:
      go_to (self, 0);
      return TRUE;
    case GDK_KEY_End:
      go_to (self, G_MAXINT);
      return TRUE;
    case GDK_KEY_d:
    case GDK_KEY_D:
      self->dark = !self->dark;
      make_slides (self);
      gtk_widget_queue_draw (self->area);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (window));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            gpointer         user_data)
{
  Presentation *self = user_data;

  if (gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture)) == GDK_BUTTON_SECONDARY)
    go_to (self, (int) self->index - 1);
  else
    go_to (self, self->index + 1);
}

GtkWindow *
fw_presentation_present (GtkWindow  *parent,
                         FwWorkbook *workbook,
                         gboolean    dark)
{
  Presentation *self;
  GtkWidget *window;
  GtkEventController *keys;
  GtkGesture *click;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  self = g_new0 (Presentation, 1);
  self->workbook = g_object_ref (workbook);
  self->dark = dark;
  make_slides (self);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Presentation"));
  if (parent)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  g_object_set_data_full (G_OBJECT (window), "fw-presentation", self,
                          (GDestroyNotify) presentation_free);

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Slides: arrow keys or Space go on, Escape leaves"), -1);
  gtk_window_set_child (GTK_WINDOW (window), self->area);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (window, keys);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));

  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}
