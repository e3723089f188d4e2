import { commandScenarios } from "./command-scenarios";

commandScenarios("sqlite");
