import type { WorkshopEvent } from "../api/live";
import { currentItem, findModule, type SessionState } from "./session";

/** A short summary of a frame for the polite live region: a text key below workshop.live and its values. */
export interface Announcement {
  key: string;
  values?: Record<string, string>;
}

/**
 * What a screen reader hears of a frame, judged against the state before it: "Neue Frage",
 * "Neuer Punkt: …", never the whole list. Counts and results change too often to be read out.
 */
export function announcement(before: SessionState, event: WorkshopEvent): Announcement | undefined {
  switch (event.type) {
    case "question.changed": {
      const old = findModule(before, event.data.module_id)?.questions?.find((q) => q.id === event.data.id);
      if (!old) return event.data.state === "pending" ? { key: "pendingQuestion" } : event.data.state === "hidden" ? undefined : { key: "newQuestion" };
      if (old.state === "pending" && event.data.state === "visible") return { key: "questionApproved" };
      if (old.state !== "answered" && event.data.state === "answered") return { key: "questionAnswered" };
      return undefined;
    }
    case "card.changed": {
      const known = findModule(before, event.data.module_id)?.cards?.some((c) => c.id === event.data.id);
      return known || event.data.state === "hidden" ? undefined : { key: "newCard" };
    }
    case "chat.message": {
      const known = before.chat.some((m) => m.id === event.data.id);
      return known || event.data.hidden ? undefined : { key: "newMessage", values: { author: event.data.author_name } };
    }
    case "module.changed": {
      const old = findModule(before, event.data.id)?.module;
      if (old?.state === event.data.state) return undefined;
      if (event.data.state === "open") return { key: "moduleOpened", values: { title: event.data.title } };
      if (event.data.state === "closed") return { key: "moduleClosed", values: { title: event.data.title } };
      return undefined;
    }
    case "workshop.changed": {
      if (event.data.status !== before.workshop.status) return { key: `status.${event.data.status}` };
      if (event.data.current_item_id !== before.workshop.current_item_id) {
        const item = currentItem(event.data);
        return item ? { key: "nextItem", values: { title: item.title } } : undefined;
      }
      return undefined;
    }
    case "session.reset":
      return { key: "reset" };
    default:
      return undefined;
  }
}
