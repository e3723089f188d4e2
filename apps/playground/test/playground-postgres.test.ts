import { playgroundScenario } from "./playground-scenario";

playgroundScenario("postgres");
