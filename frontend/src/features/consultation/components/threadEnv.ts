import { createContext, useContext } from "react";
import type { Consultation } from "../api/consultations";
import type { Thread } from "./useThread";

/** What every comment of a thread needs: the thread's actions, the consultation, the clock. */
export interface ThreadEnv {
  thread: Thread;
  consultation: Consultation;
  now: number;
}

export const ThreadEnvContext = createContext<ThreadEnv | null>(null);

export function useThreadEnv(): ThreadEnv {
  const env = useContext(ThreadEnvContext);
  if (!env) throw new Error("useThreadEnv needs a <ThreadEnvContext.Provider> above it");
  return env;
}

/** How an action of a comment reports its outcome to the comment's alert and status regions. */
export interface Report {
  error: (error: unknown, messages?: Readonly<Record<string, string>>) => void;
  success: (message: string) => void;
  clear: () => void;
}
