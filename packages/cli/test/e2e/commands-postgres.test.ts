import { commandScenarios } from "./command-scenarios";

commandScenarios("postgres");
