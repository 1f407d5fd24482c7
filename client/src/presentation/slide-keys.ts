// Keys of a keyboard or a presentation clicker (which sends PageUp/PageDown) and what they do.

export type SlideAction = "next" | "prev" | "first" | "last" | "exit" | "fullscreen";

const ACTIONS: Record<string, SlideAction> = {
  ArrowRight: "next",
  ArrowDown: "next",
  PageDown: "next",
  " ": "next",
  Enter: "next",
  n: "next",
  ArrowLeft: "prev",
  ArrowUp: "prev",
  PageUp: "prev",
  Backspace: "prev",
  p: "prev",
  Home: "first",
  End: "last",
  Escape: "exit",
  f: "fullscreen",
};

export function slideAction(key: string, shiftKey = false): SlideAction | null {
  if (key === " " && shiftKey) return "prev";
  return ACTIONS[key] ?? null;
}

/** The slide (1 to count) an action leads to; null for actions that do not move. */
export function stepSlide(current: number, action: SlideAction, count: number): number | null {
  const clamp = (n: number) => Math.min(count, Math.max(1, n));
  const at = clamp(current);
  switch (action) {
    case "next":
      return clamp(at + 1);
    case "prev":
      return clamp(at - 1);
    case "first":
      return 1;
    case "last":
      return count;
    case "exit":
    case "fullscreen":
      return null;
  }
}
