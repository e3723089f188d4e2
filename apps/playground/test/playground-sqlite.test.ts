import { playgroundScenario } from "./playground-scenario";

playgroundScenario("sqlite");
