import { playgroundScenario } from "./playground-scenario";

playgroundScenario("mysql");
